"""Very common given names of the archive's languages, for spotting person names without a model.

Hand-written from general knowledge (no external list, no corpus names), kept
short on purpose: a name here turns "Given Capitalised" into a person, so
any entry that is also a common word, a month, a place or a title in one of
the supported languages is left out (see `_LEFT_OUT`). Written with accents
as people spell them; `GIVEN_NAMES` holds the folded forms.
"""
from __future__ import annotations

from indexer.analysis.fold import fold

_BY_LANGUAGE = {
    "de": """
        Hans Peter Thomas Michael Andreas Stefan Stephan Christoph Martin Markus Marcus Daniel Urs Reto Jürg Jörg
        Rolf Kurt Walter Ueli Ulrich Bruno Heinz Werner Fritz Franz Josef Joseph Karl Klaus Dieter Jürgen Wolfgang
        Günter Günther Helmut Gerhard Horst Manfred Norbert Olaf Friedrich Lukas Simon Matthias Philipp Sebastian
        Tobias Florian Dominik Fabian Felix Moritz Jonas Leon Nico Pascal Patrick Roger René Rudolf Albert Johann
        Johannes Samuel Alois Adrian Damian Kaspar Lorenz Marcel Pirmin Sepp Toni Hansjörg Hanspeter Beat Gottfried
        Heinrich Hermann Herbert Joachim Jakob Konrad Ludwig Otto Rainer Reinhard Robert Georg Volker Uwe Bernd Erich
        Armin Cédric Gregor Ivo Kilian Mathias Niklaus Silvan Severin Valentin Benedikt Ruedi Ruth Ursula Barbara
        Brigitte Gabriela Gabriele Monika Petra Sabine Susanne Claudia Andrea Nicole Sandra Daniela Esther Franziska
        Regula Verena Silvia Heidi Erika Helga Ingrid Renate Angela Annalena Katrin Katharina Christine Christa
        Corinne Nathalie Sarah Rahel Miriam Jacqueline Priska Marianne Margrit Martina Manuela Michèle Béatrice Lena
        Laura Lea Leonie Sophie Hanna Hannah Nina Jana Tanja Sonja Bettina Cornelia Dorothea Judith Irene Yvonne
        Denise Doris Elisabeth Eveline Evelyne Simonetta Karin Anja Birgit Gudrun Hildegard Ilse Jutta Kerstin
        Marlene Nadine Regina Sibylle Ulrike Ute Vreni Barbara Carmen Edith Elsbeth Johanna Magdalena
        Clara Natalie Patricia Rebecca Stefanie Stephanie Tamara Theres Therese Ursina Eva Anna Maria Viola
        """,
    "fr": """
        Jean Pierre Jacques Michel Philippe Alain Bernard Nicolas François Christophe Éric Eric Laurent Frédéric
        Olivier Didier Thierry Gérard Claude Pascal Sébastien Stéphane Julien Guillaume Antoine Mathieu Emmanuel
        Benoît Jérôme Vincent Yves Marc Luc Paul Louis Henri Raymond Georges Serge Gilles Denis Dominique Fabrice
        Hervé Lionel Guy Gaël Cédric Yann Xavier Damien Arnaud Baptiste Bastien Clément Maxime Romain Hugo Lucas
        Théo Raphaël Adrien Alexandre Aurélien Édouard Jérémie Fabien Grégoire Hubert Joël Lucien Marcel Maurice
        Roland Sylvain Victor Yannick Gabriel Benjamin Charles Francis Jean-Pierre Jean-Luc Jean-Claude
        Jean-Yves Jean-Marc Jean-Michel Jean-François Jean-Paul Jean-Noël Jean-Louis Jean-Jacques Pierre-Yves
        Marie Nathalie Isabelle Sylvie Catherine Françoise Monique Valérie Sandrine Céline Julie Aurélie Élisabeth
        Anne Hélène Martine Véronique Chantal Caroline Émilie Camille Léa Manon Chloé Clémence Pauline Mathilde
        Ségolène Agnès Laurence Delphine Virginie Élise Élodie Géraldine Josiane Mireille Odile Solange Gabrielle
        Emmanuelle Anne-Marie Marie-Claude Marie-France Marie-Christine Danielle Michelle Christiane Simone Yvette
        Ginette Germaine Sergueï Serguei Vladimir
        """,
    "it": """
        Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico
        Paolo Michele Giorgio Aldo Sergio Luciano Alessandro Andrea Marco Matteo Lorenzo Davide Simone Federico
        Riccardo Stefano Roberto Massimo Fabio Enrico Emanuele Giacomo Filippo Nicola Claudio Maurizio Gianni
        Giancarlo Silvio Ignazio Luca Gabriele Alberto Dario Edoardo Ettore Fabrizio Flavio Gianluca Gianfranco
        Guido Leonardo Marcello Mattia Mauro Nicolò Ottavio Piero Raffaele Renato Renzo Ruggero Sandro Tiziano
        Umberto Valerio Vittorio Giorgia Giulia Francesca Chiara Sara Valentina Alessandra Elena Federica Paola
        Roberta Giovanna Lucia Teresa Carla Elisabetta Cristina Alessia Ilaria Marta Monica Patrizia Raffaella
        Livia Ornella Antonella Donatella Emma Gianna Loredana Luisa Mariella Nadia Rita Rossella Tiziana
        """,
    "en": """
        James John Robert Michael William David Richard Joseph Thomas Christopher Matthew Anthony Donald Steven
        Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas
        Jonathan Stephen Larry Justin Scott Brandon Samuel Gregory Alexander Jack Dennis Jerry Tyler Aaron Adam
        Henry Nathan Douglas Peter Kyle Ethan Jeremy Harold Keith Noah Gerald Carl Terry Sean Arthur Lawrence
        Jesse Dylan Bryan Joe Billy Bruce Wayne Roy Ralph Randy Eugene Russell Philip Johnny Tim Tom Mike Jim Bob
        Steve Tony Elon Barack Hillary Hilary Kamala Keir Rishi Liz Theresa Pete Ted Ben Sam Nick Chris Matt Dan Jon
        Greg Jeff Josh Kate Katie Emily Olivia Ava Isabella Mia Abigail Madison Charlotte Elizabeth Amelia Evelyn
        Ella Chloe Natalie Lily Scarlett Zoe Samantha Leah Audrey Allison Penelope Claire Nora Hailey Lucy
        Alexis Violet Mackenzie Mary Jennifer Linda Susan Jessica Margaret Karen Nancy Lisa Betty Dorothy Ashley
        Kimberly Donna Carol Amanda Melissa Deborah Rachel Janet Heather Diane Joyce Joan Kelly Christina Lauren
        Frances Cheryl Megan Ann Alice Jane Kathryn Katherine Helen Emma Ursula Kristalina Antony Gordon Harry
        Howard Lloyd Neil Nigel Oliver Owen Rupert Simon Stuart Trevor Benjamin Boris Theresa Rebecca
        """,
    "es": """
        José Juan Antonio Manuel Francisco Luis Javier Carlos Miguel Pedro Alejandro Fernando Rafael Pablo Jorge
        Alberto Diego Andrés Raúl Enrique Ramón Vicente Joaquín Ignacio Alfonso Emilio Gonzalo Mateo Nicolás Felipe
        Gustavo Ricardo Eduardo Óscar Rodrigo Mariano Álvaro Íñigo Arturo Ernesto Guillermo Héctor Hernán
        Marcelo Mauricio Nelson Gabriel Cristóbal Esteban Federico Jaime Martín Sebastián Xavier Ana Isabel Lucía
        Cristina Paula Elena Teresa Beatriz Raquel Silvia Verónica Patricia Claudia Mónica Alejandra Gabriela
        Daniela Valeria Camila Fernanda Mariana Juliana Adriana Michelle Carolina Natalia Andrea Lorena Rocío
        Inmaculada Yolanda Marisol Ximena Begoña Nerea Ainhoa Irene Sonia
        """,
    "pt": """
        João Paulo Luís Luiz Inácio Jair Sérgio Marcos Tiago Thiago André Diogo Duarte Gonçalo Nuno Vítor Rui
        Fábio Henrique Rodrigo Bruno Ricardo Márcio Flávio Leonardo Gustavo Renato Otávio Augusto Gilberto
        Maria Ana Larissa Letícia Dilma Leonor Inês Joana Catarina Margarida Mariana Rafaela Tatiana Vanessa
        Luana Bianca Aline Camila Juliana Fernanda Gabriela Patrícia Cláudia Sandra Sónia
        """,
    "nl": """
        Jan Pieter Piet Kees Henk Willem Hendrik Johannes Cornelis Gerrit Dirk Bram Daan Lars Thijs Joost Ruud
        Geert Frans Jeroen Maarten Wouter Koen Sander Niels Stijn Rutger Frits Gert Erik Hans Arjen Jaap Wim Joris
        Sanne Lotte Anouk Femke Eva Lisa Julia Sophie Tess Noor Anne Ingrid Marieke Mieke Annemarie Sigrid
        Ilse Inge Wilma Saskia Marloes Lieke Esther Karin
        """,
    "tr": """
        Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Cem Kemal Recep Tayyip Hakan Fatih Ekrem
        Veli Kaan Oğuz Ozan Serkan Volkan Tolga Uğur Onur Erdem Arda Yusuf Osman Ömer Halil Süleyman Bülent Levent
        Nihat Melih Binali Abdullah Selahattin Berk Cengiz Erkan Gökhan Orhan Tuncay Yasin Yunus
        Ayşe Fatma Emine Hatice Zeynep Elif Merve Büşra Özge Selin Meral Tansu Aylin Derya Ebru Esra Gül Gülşen
        Hande Melike Pınar Sibel Tuğba Yasemin
        """,
    "ar": """
        Mohammed Mohamed Muhammad Mohammad Ahmed Ahmad Omar Umar Hassan Hussein Hussain Khalid Khaled Mahmoud
        Mustapha Youssef Yousef Abdullah Abdallah Abdel Abdul Abdelaziz Abdelkader Karim Samir Tarek Tariq Walid
        Nabil Amr Hamad Hamid Sami Faisal Saad Salman Tamim Bashar Nasser Anwar Jamal Adel Fouad Rami Ziad Imad
        Mounir Hani Fatima Aisha Layla Leila Mariam Maryam Nour Rania Yasmin Yasmine Salma Hind Amina Zainab Samira
        """,
    "ru-uk": """
        Владимир Сергей Александр Алексей Дмитрий Андрей Михаил Николай Иван Евгений Юрий Игорь Олег Павел Виктор
        Руслан Артем Артём Максим Денис Антон Илья Кирилл Никита Егор Виталий Валерий Геннадий Борис Григорий
        Леонид Константин Степан Тарас Богдан Ярослав Владислав Станислав Вячеслав Анатолий Василий Петр Пётр
        Олександр Володимир Сергій Андрій Дмитро Віталій Василь Петро Олексій Михайло Микола Юрій Ігор Євген
        Костянтин Валерій Анатолій Арсеній Юлия Юлія Ольга Наталья Наталія Елена Олена Ирина Ірина Татьяна Тетяна
        Анна Мария Марія Екатерина Катерина Светлана Людмила Валентина Галина Оксана Анастасия Анастасія Дарья
        Дарія Евгения Алина Ксения Ксенія Софія София Вікторія Виктория Маргарита Polina
        Sergei Sergey Dmitry Dmitri Alexei Alexey Aleksandr Oleksandr Volodymyr Mykhailo Mykola Mikhail Yulia Yuliia
        Yuri Yuriy Andriy Andrii Oleksiy Oleksii Vitali Vitaliy Viktor Igor Oleg Ivan Nikolai Maxim Ruslan Denys
        Taras Bohdan Yaroslav Olena Iryna Tetiana Natalia Svetlana Ludmila Oksana Anastasia Dmytro Vasyl Petro
        Artem Kateryna Olga Valentyna Valery Valeriy Yevgeny Yevhen Anatoly Gennady Arseniy Vadim Vadym
        """,
    "bg-sr": """
        Димитър Георги Никола Стефан Бойко Румен Росен Кирил Асен Пламен Красимир Цветан Христо Любомир Румяна
        Мария Цвета Йорданка Десислава Милена Искра Мая Ивайло Александър Александар Милош Ненад Драган Зоран Горан
        Бранко Душан Војислав Томислав Ивица Марко Ана Јелена Милица Драгана Снежана Ивана Тамара Марија Небојша
        Синиша Ђорђе Дарко Милан Мирослав
        """,
    "el": """
        Κυριάκος Γιώργος Γεώργιος Νίκος Νικόλαος Αλέξης Αλέξανδρος Κώστας Κωνσταντίνος Δημήτρης Δημήτριος Γιάννης
        Ιωάννης Παναγιώτης Μιχάλης Χρήστος Ανδρέας Βασίλης Σπύρος Αντώνης Θανάσης Αθανάσιος Στέφανος Πέτρος Παύλος
        Ευάγγελος Βαγγέλης Άδωνις Μάκης Θεόδωρος Ηλίας Μαρία Ελένη Αικατερίνη Κατερίνα Σοφία Άννα Ντόρα Φώφη Νίκη
        Όλγα Ζωή Ευαγγελία Δέσποινα Χριστίνα Βασιλική Αναστασία
        """,
    "pl": """
        Piotr Paweł Krzysztof Tomasz Andrzej Marcin Michał Jakub Łukasz Mateusz Kamil Grzegorz Wojciech Rafał
        Jarosław Mariusz Zbigniew Władysław Stanisław Szymon Jacek Bartosz Radosław Dariusz Janusz Lech Donald
        Agnieszka Katarzyna Małgorzata Magdalena Magda Joanna Ewa Krystyna Elżbieta Zofia Beata Monika Aleksandra
        Justyna Dorota Renata Iwona Karolina Paulina Weronika Maja Zuzanna Henryk Jerzy Kazimierz Leszek Ryszard
        Tadeusz Wiesław Zdzisław Bogdan Sławomir Przemysław Mirosław Artur Adrian Bożena Danuta Halina Jadwiga
        Grażyna Urszula Wanda Kinga Sylwia Edyta Anita Marzena
        """,
}

# Common given names left out because they are also words, months, places or
# titles somewhere in the supported languages: Will, Mark, Bill, Rose, Grace,
# Hope, May, June, August, Art, Frank, Ernst, Christian (en), Urban, Roman,
# Marine, Florence, Victoria, Virginia, Georgia, Jordan, Austin, Sofia,
# Santiago, Mercedes, Dolores, Pilar, Paz, Luz, Sol, Julio, Vasco, Fátima,
# Marina, Stella, Felice, Rosa, Iris, Kai, Wolf, Nur, Can, Güven, Devlet,
# Said, Sultan, Вера, Надежда, Любовь, Jesús. Entries to drop without editing
# the lists above go in `_LEFT_OUT` (folded).
_LEFT_OUT: set[str] = set()


def _folded(words: str) -> set[str]:
    return {fold(w) for w in words.split()} - _LEFT_OUT


GIVEN_NAMES: frozenset[str] = frozenset().union(*(_folded(v) for v in _BY_LANGUAGE.values()))
