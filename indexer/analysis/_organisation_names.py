"""Alias tables for organisations: canonical name → aliases in any language.

Notation as in `_country_words`: "|" separates aliases, a leading "=" makes
an acronym case-sensitive, `stem{a,b,}` lists endings, `stem~N` allows N
more letters. Three tables, merged by `organisations.ORGANISATIONS`:
international bodies, Swiss federal institutions (the archive's main
issuer), and widely known companies, platforms, outlets and agencies.
The canonical name is the facet value: "OTAN", "НАТО" → "NATO";
"EDA", "DFAE", "FDFA" → "FDFA".
"""
from __future__ import annotations

INTERNATIONAL = {
    "NATO": "=NATO | =OTAN | =НАТО | الناتو | حلف شمال الأطلسي | North Atlantic Treaty Organization | Organisation du traité de l'Atlantique nord",
    "United Nations": "=UN | =U.N. | =ONU | =UNO | =ООН | =VN | =BM | Vereinte Nationen | Vereinten Nationen | Nations unies | Nazioni Unite | Naciones Unidas | Nações Unidas | Verenigde Naties | Birleşmiş Milletler | Организация Объединённых Наций | Организация Объединенных Наций | Організація Об'єднаних Націй | Organizacja Narodów Zjednoczonych | الأمم المتحدة",
    "UN Security Council": "UN Security Council | Security Council | Security Council of the United Nations | UN-Sicherheitsrat{,s} | UNO-Sicherheitsrat{,s} | Sicherheitsrat{,s} der UNO | Sicherheitsrat{,s} der Vereinten Nationen | Conseil de sécurité de l'ONU | Conseil de sécurité des Nations unies | Consiglio di sicurezza dell'ONU | Consiglio di sicurezza delle Nazioni Unite | Consejo de Seguridad de la ONU | Consejo de Seguridad de las Naciones Unidas | Conselho de Segurança da ONU | Conselho de Segurança | UNO-Sicherheitsrat | UN-Sicherheitsrat | Sicherheitsrat | Conseil de sécurité | Consiglio di sicurezza | Consejo de Seguridad | Совет Безопасности ООН | مجلس الأمن",
    "European Union": "=EU | =UE | =ЕС | =AB | Europäische Union | Europäischen Union | Union européenne | Unione europea | Unión Europea | União Europeia | Europese Unie | Avrupa Birliği | Европейский союз | Евросоюз~2 | Європейський союз | Unia Europejska | Unii Europejskiej | الاتحاد الأوروبي",
    "European Commission": "European Commission | EU Commission | Europäische Kommission | Europäischen Kommission | EU-Kommission | Commission européenne | Commissione europea | Comisión Europea | Comissão Europeia | Europese Commissie | Еврокомисси~2",
    "European Parliament": "European Parliament | Europäisches Parlament | Europäischen Parlament{,s} | EU-Parlament | Parlement européen | Parlamento europeo | Parlamento Europeu",
    "Council of Europe": "Council of Europe | Europarat{,s,es} | Conseil de l'Europe | Consiglio d'Europa | Consejo de Europa | Conselho da Europa | Raad van Europa | Avrupa Konseyi | Совет Европы",
    "WHO": "=WHO | =OMS | =ВОЗ | World Health Organization | World Health Organisation | Weltgesundheitsorganisation | Organisation mondiale de la santé | Organizzazione mondiale della sanità | Organización Mundial de la Salud | Organização Mundial da Saúde | Dünya Sağlık Örgütü | منظمة الصحة العالمية | Всемирная организация здравоохранения",
    "IMF": "=IMF | =IWF | =FMI | =МВФ | International Monetary Fund | Internationaler Währungsfonds | Internationalen Währungsfonds | Fonds monétaire international | Fondo monetario internazionale | Fondo Monetario Internacional | Fundo Monetário Internacional | صندوق النقد الدولي",
    "World Bank": "World Bank | Weltbank | Banque mondiale | Banca mondiale | Banco Mundial | Wereldbank | Dünya Bankası | Всемирный банк | Світовий банк | Bank Światowy | البنك الدولي",
    "OSCE": "=OSCE | =OSZE | =ОБСЕ | =AGİT | Organizzazione per la sicurezza e la cooperazione in Europa | Organización para la Seguridad y la Cooperación en Europa | Organization for Security and Co-operation in Europe | Organisation für Sicherheit und Zusammenarbeit in Europa | Organisation pour la sécurité et la coopération en Europe",
    "ICRC": "=ICRC | =IKRK | =CICR | International Committee of the Red Cross | Internationale Komitee vom Roten Kreuz | Internationalen Komitee vom Roten Kreuz | Internationales Komitee vom Roten Kreuz | Comité international de la Croix-Rouge | Comitato internazionale della Croce Rossa | Comité Internacional de la Cruz Roja",
    "WTO": "=WTO | =OMC | =ВТО | World Trade Organization | Welthandelsorganisation | Organisation mondiale du commerce | Organizzazione mondiale del commercio | Organización Mundial del Comercio",
    "OECD": "=OECD | =OCDE | =OCSE | =ОЭСР | Organisation de coopération et de développement économiques | Organizzazione per la cooperazione e lo sviluppo economico | Organización para la Cooperación y el Desarrollo Económicos | Organisation for Economic Co-operation and Development | Organisation für wirtschaftliche Zusammenarbeit und Entwicklung",
    "UNHCR": "=UNHCR | =HCR | =ACNUR | Agence des Nations unies pour les réfugiés | Agenzia delle Nazioni Unite per i rifugiati | Office of the United Nations High Commissioner for Refugees | UN High Commissioner for Refugees | UN Refugee Agency | UNO-Flüchtlingshilfswerk | UN-Flüchtlingshilfswerk | Haut-Commissariat des Nations unies pour les réfugiés | Alto Commissariato delle Nazioni Unite per i rifugiati",
    "UNICEF": "=UNICEF | Unicef | ЮНИСЕФ",
    "UNESCO": "=UNESCO | Unesco | ЮНЕСКО",
    "International Criminal Court": "International Criminal Court | Internationaler Strafgerichtshof | Internationalen Strafgerichtshof{,s} | Cour pénale internationale | Corte penale internazionale | Corte Penal Internacional",
    "International Court of Justice": "International Court of Justice | Internationaler Gerichtshof | Internationalen Gerichtshof{,s} | Cour internationale de justice | Corte internazionale di giustizia",
    "European Court of Human Rights": "European Court of Human Rights | Europäische Gerichtshof für Menschenrechte | Europäischen Gerichtshof für Menschenrechte | Europäischer Gerichtshof für Menschenrechte | Cour européenne des droits de l'homme | Corte europea dei diritti dell'uomo | =EGMR | =CEDH | =ECHR",
    "EFTA": "=EFTA | =AELE | =AELS | Associazione europea di libero scambio | Asociación Europea de Libre Comercio | European Free Trade Association | Europäische Freihandelsassoziation | Association européenne de libre-échange",
    "African Union Commission": "African Union Commission | Commission of the African Union | Kommission der Afrikanischen Union | Commission de l'Union africaine | Commissione dell'Unione africana | Comisión de la Unión Africana",
    "African Union": "African Union | Afrikanische{,n} Union | Afrikanische Union | Afrikanischen Union | Union africaine | Unione africana | Unión Africana",
    "G7": "=G7 | =G-7", "G20": "=G20 | =G-20",
    "Swiss National Bank": "Swiss National Bank | Schweizerische Nationalbank | Banque nationale suisse | Banca nazionale svizzera | =SNB | =BNS",
    "European Central Bank": "European Central Bank | Europäische Zentralbank | Europäischen Zentralbank | Banque centrale européenne | Banca centrale europea | Banco Central Europeo | =EZB | =BCE | =ECB",
    "IAEA": "=IAEA | =IAEO | =AIEA | International Atomic Energy Agency | Internationale Atomenergie-Organisation | Agence internationale de l'énergie atomique",
    "World Economic Forum": "World Economic Forum | Weltwirtschaftsforum{,s} | Forum économique mondial | =WEF",
    "IOM": "International Organization for Migration | Internationale Organisation für Migration | Organisation internationale pour les migrations | =IOM | =OIM",
    "WFP": "World Food Programme | Welternährungsprogramm{,s} | Programme alimentaire mondial | Programma alimentare mondiale | =WFP | =PAM",
    "ILO": "International Labour Organization | Internationale Arbeitsorganisation | Organisation internationale du travail | =ILO | =IAO | =OIT",
    "WIPO": "World Intellectual Property Organization | =WIPO | =OMPI",
    "FIFA": "=FIFA", "UEFA": "=UEFA", "International Olympic Committee": "International Olympic Committee | Internationale Olympische Komitee | Comité international olympique | =IOC | =CIO",
    "Interpol": "Interpol | =INTERPOL", "Europol": "Europol",
    "ASEAN": "=ASEAN | Association of Southeast Asian Nations | Association des nations de l'Asie du Sud-Est | Verband Südostasiatischer Nationen | Associazione delle nazioni del Sud-est asiatico | Asociación de Naciones del Sudeste Asiático", "OPEC": "=OPEC | =OPEP | =ОПЕК | أوبك",
    "IFRC": "=IFRC | =FICR | International Federation of Red Cross and Red Crescent Societies | Internationale Föderation der Rotkreuz- und Rothalbmondgesellschaften | Fédération internationale des sociétés de la Croix-Rouge et du Croissant-Rouge | Federazione internazionale delle società di Croce Rossa e Mezzaluna Rossa",
    "Mercosur": "Mercosur | Mercosul | =MERCOSUR",
    "Arab League": "Arab League | League of Arab States | Arabische Liga | Ligue arabe | Lega araba | Liga Árabe | Arap Birliği | Лига арабских государств | جامعة الدول العربية",
    "BRICS": "=BRICS",
    "Palestinian Authority": "Palestinian Authority | Palästinensische{,n} Autonomiebehörde | Autorité palestinienne | Autorità palestinese | Autoridad Palestina | Autoridade Palestina | Palestinian National Authority | السلطة الفلسطينية",
    "Hamas": "Hamas | =HAMAS | Hamás | ХАМАС | Хамас | حماس", "Hezbollah": "Hezbollah | Hisbollah | Hizbollah | Hezbolá | Хезболла | حزب الله",
    "Taliban": "Taliban | Talibans | Talebani | Талибан | طالبان",
    "OHCHR": "=OHCHR | Office of the High Commissioner for Human Rights | Haut-Commissariat aux droits de l'homme | UN-Menschenrechtsbüro",
    "UN Human Rights Council": "Human Rights Council | UN Human Rights Council | UNO-Menschenrechtsrat{,s} | UN-Menschenrechtsrat{,s} | Menschenrechtsrat{,s} | Conseil des droits de l'homme | Consiglio dei diritti umani | Consejo de Derechos Humanos",
    "UNDP": "=UNDP | =PNUD | United Nations Development Programme | Entwicklungsprogramm der Vereinten Nationen | Programme des Nations unies pour le développement",
    "UNEP": "=UNEP | =PNUE | United Nations Environment Programme | Umweltprogramm der Vereinten Nationen | Programme des Nations unies pour l'environnement",
    "UNRWA": "=UNRWA", "OCHA": "=OCHA | =UNOCHA", "UNCTAD": "=UNCTAD | =CNUCED", "UNFPA": "=UNFPA", "UNAIDS": "=UNAIDS | =ONUSIDA",
    "FATF": "=FATF | =GAFI | Financial Action Task Force",
    "Bank for International Settlements": "Bank for International Settlements | Bank für Internationalen Zahlungsausgleich | Banque des règlements internationaux | Banca dei regolamenti internazionali | =BIZ | =BRI",
    "Basel Committee on Banking Supervision": "Basel Committee on Banking Supervision | Basler Ausschuss für Bankenaufsicht | Comité de Bâle sur le contrôle bancaire | Comitato di Basilea per la vigilanza bancaria | =BCBS",
    "EBRD": "=EBRD | =BERD | =EBWE | European Bank for Reconstruction and Development | Europäische{,n} Bank für Wiederaufbau und Entwicklung | Banque européenne pour la reconstruction et le développement",
    "European Investment Bank": "European Investment Bank | Europäische{,n} Investitionsbank | Banque européenne d'investissement | =EIB | =BEI",
    "Frontex": "Frontex", "CERN": "=CERN", "European Space Agency": "European Space Agency | Europäische{,n} Weltraumorganisation | Agence spatiale européenne | =ESA",
    "Gavi": "Gavi | =GAVI", "Global Fund": "Global Fund to Fight AIDS, Tuberculosis and Malaria | Globale{,n} Fonds",
    "Médecins Sans Frontières": "Médecins Sans Frontières | Médecins sans frontières | Doctors Without Borders | Ärzte ohne Grenzen | Medici senza frontiere | Médicos Sin Fronteras | =MSF",
    "Amnesty International": "Amnesty International", "Human Rights Watch": "Human Rights Watch", "Greenpeace": "Greenpeace",
    "International Red Cross and Red Crescent Movement": "Red Cross and Red Crescent Movement",
    "Council of the European Union": "Council of the European Union | Rat der Europäischen Union | Conseil de l'Union européenne | Consiglio dell'Unione europea",
    "European Council": "European Council | Europäische{,r,n} Rat{,s,es} | Conseil européen | Consiglio europeo | Consejo Europeo",
    "Committee of Ministers of the Council of Europe": "Committee of Ministers of the Council of Europe | Ministerkomitee des Europarat{s,es} | Comité des Ministres du Conseil de l'Europe | Comitato dei Ministri del Consiglio d'Europa",
}

# Swiss federal institutions, English name or English acronym as canonical.
SWISS = {
    "Federal Council": "Federal Council | Swiss Federal Council | Bundesrat{,es,s} | Schweizer Bundesrat{,es,s} | Conseil fédéral | Conseil fédéral suisse | Consiglio federale | Consiglio federale svizzero",
    "Federal Assembly": "Federal Assembly | Bundesversammlung | Vereinigte{,n} Bundesversammlung | Assemblée fédérale | Assemblea federale",
    "National Council": "National Council | Nationalrat{,es,s} | Conseil national | Consiglio nazionale",
    "Council of States": "Council of States | Ständerat{,es,s} | Conseil des États | Consiglio degli Stati",
    "Federal Supreme Court": "Federal Supreme Court | Bundesgericht{,s,es} | Tribunal fédéral | Tribunale federale",
    "Federal Administrative Court": "Federal Administrative Court | Bundesverwaltungsgericht{,s,es} | Tribunal administratif fédéral | Tribunale amministrativo federale",
    "Federal Criminal Court": "Federal Criminal Court | Bundesstrafgericht{,s,es} | Tribunal pénal fédéral | Tribunale penale federale",
    "Federal Chancellery": "Federal Chancellery | Bundeskanzlei | Chancellerie fédérale | Cancelleria federale",
    "FDFA": "=FDFA | =EDA | =DFAE | Federal Department of Foreign Affairs | Eidgenössische{,n,s} Departement{,s} für auswärtige Angelegenheiten | Département fédéral des affaires étrangères | Dipartimento federale degli affari esteri",
    "DDPS": "=DDPS | =VBS | Federal Department of Defence, Civil Protection and Sport{,s} | Eidgenössische{,n,s} Departement{,s} für Verteidigung, Bevölkerungsschutz und Sport | Département fédéral de la défense, de la protection de la population et des sports | Dipartimento federale della difesa, della protezione della popolazione e dello sport",
    "FDHA": "=FDHA | =EDI | =DFI | Federal Department of Home Affairs | Eidgenössische{,n,s} Departement{,s} des Innern | Département fédéral de l'intérieur | Dipartimento federale dell'interno",
    "FDJP": "=FDJP | =EJPD | =DFJP | =DFGP | Federal Department of Justice and Police | Eidgenössische{,n,s} Justiz- und Polizeidepartement{,s} | Département fédéral de justice et police | Dipartimento federale di giustizia e polizia",
    "FDF": "=FDF | =EFD | =DFF | Federal Department of Finance | Eidgenössische{,n,s} Finanzdepartement{,s} | Département fédéral des finances | Dipartimento federale delle finanze",
    "EAER": "=EAER | =WBF | =DEFR | Federal Department of Economic Affairs, Education and Research | Eidgenössische{,n,s} Departement{,s} für Wirtschaft, Bildung und Forschung | Département fédéral de l'économie, de la formation et de la recherche | Dipartimento federale dell'economia, della formazione e della ricerca",
    "DETEC": "=DETEC | =UVEK | =DATEC | Federal Department of the Environment, Transport, Energy and Communications | Eidgenössische{,n,s} Departement{,s} für Umwelt, Verkehr, Energie und Kommunikation | Département fédéral de l'environnement, des transports, de l'énergie et de la communication",
    "SDC": "=SDC | =DEZA | =DDC | =DSC | Swiss Agency for Development and Cooperation | Direktion für Entwicklung und Zusammenarbeit | Direction du développement et de la coopération | Direzione dello sviluppo e della cooperazione",
    "SECO": "=SECO | State Secretariat for Economic Affairs | Staatssekretariat{,s} für Wirtschaft | Secrétariat d'État à l'économie | Segreteria di Stato dell'economia",
    "SEM": "=SEM | State Secretariat for Migration | Staatssekretariat{,s} für Migration | Secrétariat d'État aux migrations | Segreteria di Stato della migrazione",
    "SERI": "=SERI | =SBFI | =SEFRI | State Secretariat for Education, Research and Innovation | Staatssekretariat{,s} für Bildung, Forschung und Innovation | Secrétariat d'État à la formation, à la recherche et à l'innovation",
    "SIF": "=SIF | State Secretariat for International Finance | Staatssekretariat{,s} für internationale Finanzfragen | Secrétariat d'État aux questions financières internationales",
    "FOEN": "=FOEN | =BAFU | =OFEV | =UFAM | Federal Office for the Environment | Bundesamt{,s,es} für Umwelt | Office fédéral de l'environnement | Ufficio federale dell'ambiente",
    "FOC": "=FOC | =BAK | =OFC | Federal Office of Culture | Bundesamt{,s,es} für Kultur | Office fédéral de la culture | Ufficio federale della cultura",
    "FOPH": "=FOPH | =BAG | =OFSP | =UFSP | Federal Office of Public Health | Bundesamt{,s,es} für Gesundheit | Office fédéral de la santé publique | Ufficio federale della sanità pubblica",
    "FSO": "=FSO | =BFS | =OFS | =UST | Federal Statistical Office | Bundesamt{,s,es} für Statistik | Office fédéral de la statistique | Ufficio federale di statistica",
    "FOCBS": "=FOCBS | =BAZG | =OFDF | =UDSC | Federal Office for Customs and Border Security | Bundesamt{,s,es} für Zoll und Grenzsicherheit | Office fédéral de la douane et de la sécurité des frontières | Ufficio federale della dogana e della sicurezza dei confini",
    "SFOE": "=SFOE | =BFE | =OFEN | =UFE | Swiss Federal Office of Energy | Federal Office of Energy | Bundesamt{,s,es} für Energie | Office fédéral de l'énergie | Ufficio federale dell'energia",
    "FEDRO": "=FEDRO | =ASTRA | =OFROU | =USTRA | Federal Roads Office | Bundesamt{,s,es} für Strassen | Office fédéral des routes | Ufficio federale delle strade",
    "FOT": "=FOT | =BAV | =OFT | =UFT | Federal Office of Transport | Bundesamt{,s,es} für Verkehr | Office fédéral des transports | Ufficio federale dei trasporti",
    "FOCA": "=FOCA | =BAZL | =OFAC | =UFAC | Federal Office of Civil Aviation | Bundesamt{,s,es} für Zivilluftfahrt | Office fédéral de l'aviation civile | Ufficio federale dell'aviazione civile",
    "FOAG": "=FOAG | =BLW | =OFAG | =UFAG | Federal Office for Agriculture | Bundesamt{,s,es} für Landwirtschaft | Office fédéral de l'agriculture | Ufficio federale dell'agricoltura",
    "FOJ": "=FOJ | =UFG | Federal Office of Justice | Bundesamt{,s,es} für Justiz | Office fédéral de la justice | Ufficio federale di giustizia",
    "FSVO": "=FSVO | =BLV | =OSAV | =USAV | Federal Food Safety and Veterinary Office | Bundesamt{,s,es} für Lebensmittelsicherheit und Veterinärwesen | Office fédéral de la sécurité alimentaire et des affaires vétérinaires",
    "FOCP": "=FOCP | =BABS | =OFPP | =UFPP | Federal Office for Civil Protection | Bundesamt{,s,es} für Bevölkerungsschutz | Office fédéral de la protection de la population | Ufficio federale della protezione della popolazione",
    "FOSPO": "=FOSPO | =BASPO | =OFSPO | =UFSPO | Federal Office of Sport | Bundesamt{,s,es} für Sport | Office fédéral du sport | Ufficio federale dello sport",
    "FTA": "=ESTV | Federal Tax Administration | Eidgenössische{,n} Steuerverwaltung | Administration fédérale des contributions | Amministrazione federale delle contribuzioni",
    "FFA": "=EFV | =AFF | Federal Finance Administration | Eidgenössische{,n} Finanzverwaltung | Administration fédérale des finances | Amministrazione federale delle finanze",
    "FOITT": "=FOITT | =BIT | Federal Office of Information Technology, Systems and Telecommunication | Bundesamt{,s,es} für Informatik und Telekommunikation",
    "OFCOM": "=OFCOM | =BAKOM | =UFCOM | Federal Office of Communications | Bundesamt{,s,es} für Kommunikation | Office fédéral de la communication | Ufficio federale delle comunicazioni",
    "ARE": "Federal Office for Spatial Development | Bundesamt{,s,es} für Raumentwicklung | Office fédéral du développement territorial | Ufficio federale dello sviluppo territoriale",
    "fedpol": "fedpol | Federal Office of Police | Bundesamt{,s,es} für Polizei | Office fédéral de la police | Ufficio federale di polizia",
    "Federal Criminal Police": "Federal Criminal Police | Bundeskriminalpolizei | Police judiciaire fédérale | Polizia giudiziaria federale",
    "Federal Intelligence Service": "Federal Intelligence Service | Nachrichtendienst{,es} des Bundes | Service de renseignement de la Confédération | =NDB",
    "Swiss Armed Forces": "Swiss Armed Forces | Schweizer Armee | Armée suisse | Esercito svizzero",
    "armasuisse": "armasuisse | Federal Office for Defence Procurement | Bundesamt{,s,es} für Rüstung | Office fédéral de l'armement | Ufficio federale dell'armamento",
    "Office of the Attorney General of Switzerland": "=OAG | Office of the Attorney General of Switzerland | Office of the Attorney General | Bundesanwaltschaft | Ministère public de la Confédération | Ministero pubblico della Confederazione",
    "Federal Office for Cybersecurity": "=FOCS | =BACS | =OFCS | =UFCS | Federal Office for Cybersecurity | Bundesamt{,s,es} für Cybersicherheit | Office fédéral de la cybersécurité | Ufficio federale della cibersicurezza | National Cyber Security Centre | Nationale{,s,n} Zentrum{,s} für Cybersicherheit | Centre national pour la cybersécurité | Centro nazionale per la cibersicurezza | =NCSC",
    "Federal Office for Buildings and Logistics": "=FOBL | =BBL | =OFCL | =UFCL | Federal Office for Buildings and Logistics | Bundesamt{,s,es} für Bauten und Logistik | Office fédéral des constructions et de la logistique | Ufficio federale delle costruzioni e della logistica",
    "Federal Housing Office": "=FHO | =BWO | =OFL | =UFAB | Federal Housing Office | Bundesamt{,s,es} für Wohnungswesen | Office fédéral du logement | Ufficio federale delle abitazioni",
    "Federal Social Insurance Office": "=FSIO | =BSV | =OFAS | =UFAS | Federal Social Insurance Office | Bundesamt{,s,es} für Sozialversicherungen | Office fédéral des assurances sociales | Ufficio federale delle assicurazioni sociali",
    "Federal Gaming Board": "=FGB | =ESBK | =CFMJ | =CFCG | Federal Gaming Board | Eidgenössische{,n} Spielbankenkommission | Commission fédérale des maisons de jeu | Commissione federale delle case da gioco",
    "Swiss Council for Accident Prevention": "=BFU | =BPA | =UPI | Swiss Council for Accident Prevention | Beratungsstelle für Unfallverhütung | Bureau de prévention des accidents | Ufficio prevenzione infortuni",
    "University of Bern": "University of Bern | Universität Bern | Université de Berne | Università di Berna | =UniBE",
    "University of Zurich": "University of Zurich | Universität Zürich | Université de Zurich | Università di Zurigo | =UZH",
    "University of Geneva": "University of Geneva | Universität Genf | Université de Genève | Università di Ginevra | =UNIGE",
    "University of Basel": "University of Basel | Universität Basel | Université de Bâle | Università di Basilea | =UniBas",
    "University of Lausanne": "University of Lausanne | Universität Lausanne | Université de Lausanne | Università di Losanna | =UNIL",
    "University of St. Gallen": "University of St. Gallen | Universität St. Gallen | Université de Saint-Gall | Università di San Gallo | =HSG",
    "University of Lucerne": "University of Lucerne | Universität Luzern | Université de Lucerne | Università di Lucerna",
    "University of Neuchâtel": "University of Neuchâtel | Universität Neuenburg | Université de Neuchâtel | Università di Neuchâtel",
    "University of Fribourg": "University of Fribourg | Université de Fribourg | Università di Friburgo",
    "Swissmedic": "Swissmedic", "Innosuisse": "Innosuisse", "Pro Helvetia": "Pro Helvetia",
    "Swiss Financial Market Supervisory Authority": "=FINMA | Swiss Financial Market Supervisory Authority | Eidgenössische{,n} Finanzmarktaufsicht | Autorité fédérale de surveillance des marchés financiers | Autorità federale di vigilanza sui mercati finanziari",
    "Competition Commission": "=COMCO | =WEKO | Competition Commission | Wettbewerbskommission | Commission de la concurrence | Commissione della concorrenza",
    "Price Supervisor": "Preisüberwacher{,in} | Surveillant des prix | Sorvegliante dei prezzi | Price Supervisor",
    "Swiss Humanitarian Aid Unit": "=SKH | =CSA | Swiss Humanitarian Aid Unit | Schweizerische{,s,n} Korps für humanitäre Hilfe | Corps suisse d'aide humanitaire | Corpo svizzero di aiuto umanitario",
    "Peace and Human Rights Division": "Peace and Human Rights Division | Abteilung Frieden und Menschenrechte | Division Paix et droits de l'homme | Divisione Pace e diritti umani | =PHRD | =AFM | =DPDH",
    "ETH Board": "ETH Board | ETH-Rat{,s} | Conseil des EPF | Consiglio dei PF",
    "ETH Zurich": "ETH Zurich | ETH Zürich | =ETHZ | Swiss Federal Institute of Technology in Zurich | Eidgenössische{,n} Technische{,n} Hochschule Zürich | EPF de Zurich | Politecnico federale di Zurigo",
    "EPFL": "=EPFL | École polytechnique fédérale de Lausanne | Ecole polytechnique fédérale de Lausanne | Swiss Federal Institute of Technology in Lausanne | Eidgenössische{,n} Technische{,n} Hochschule Lausanne | =ETHL | Politecnico federale di Losanna | =PFL",
    "Empa": "Empa | =EMPA", "Eawag": "Eawag | =EAWAG | Swiss Federal Institute of Aquatic Science and Technology | Wasserforschungsinstitut des ETH-Bereichs | Institut de Recherche de l'Eau | Institut fédéral suisse des sciences et technologies de l'eau | Istituto per la ricerca sull'acqua", "Paul Scherrer Institute": "Paul Scherrer Institute | Paul Scherrer Institut | Institut Paul Scherrer | Istituto Paul Scherrer | =PSI",
    "WSL": "=WSL | Swiss Federal Institute for Forest, Snow and Landscape Research | Eidgenössische{,n} Forschungsanstalt für Wald, Schnee und Landschaft | Institut fédéral de recherches sur la forêt, la neige et le paysage | Istituto federale di ricerca per la foresta, la neve e il paesaggio",
    "Swiss National Science Foundation": "Swiss National Science Foundation | Schweizerische{,n} Nationalfonds{,es} | Fonds national suisse | Fondo nazionale svizzero | =SNSF | =SNF | =FNS",
    "SRG SSR": "=SRG | =SSR | SRG SSR | Swiss Broadcasting Corporation | Schweizerische Radio- und Fernsehgesellschaft | Société suisse de radiodiffusion et télévision",
    "SRF": "=SRF | Schweizer Radio und Fernsehen", "RTS": "=RTS | Radio Télévision Suisse", "RSI": "=RSI | Radiotelevisione svizzera",
    "Independent Complaints Authority for Radio and Television": "=UBI | =AIEP | =AIRR | Unabhängige{,n} Beschwerdeinstanz für Radio und Fernsehen | Autorité indépendante d'examen des plaintes en matière de radio-télévision | Autorità indipendente di ricorso in materia radiotelevisiva",
    "Swiss Red Cross": "Swiss Red Cross | Schweizerische{,s,n} Rote{,n,s} Kreuz{,es} | Croix-Rouge suisse | Croce Rossa Svizzera | =SRK | =CRS",
    "Swiss Post": "Swiss Post | Die Post | La Poste suisse | La Posta svizzera | PostFinance",
    "SBB": "=SBB | =CFF | =FFS | Swiss Federal Railways | Schweizerische{,n} Bundesbahnen",
    "Swiss Foundation for Mine Action": "Swiss Foundation for Mine Action | Fondation suisse de déminage | Fondation Suisse de Déminage | =FSD",
    "Geneva International Centre for Humanitarian Demining": "Geneva International Centre for Humanitarian Demining | =GICHD | Centre international de déminage humanitaire de Genève | Genfer Internationale{,s,n} Zentrum{,s} für humanitäre Minenräumung",
}

# Widely known companies, platforms, outlets, agencies and federations whose
# names are unambiguous as written (generic words such as "Apple" at a
# sentence start, "Amazon" the river or "Nature" are left out).
WELL_KNOWN = {
    "Google": "Google", "Alphabet": "=Alphabet Inc.", "Microsoft": "Microsoft", "Meta Platforms": "Meta Platforms",
    "Facebook": "Facebook | Фейсбук | فيسبوك", "Instagram": "Instagram | Инстаграм", "WhatsApp": "WhatsApp",
    "Telegram": "Telegram | Телеграм", "TikTok": "TikTok", "YouTube": "YouTube | Ютуб", "Twitter": "Twitter",
    "LinkedIn": "LinkedIn", "Netflix": "Netflix", "Spotify": "Spotify", "Wikipedia": "Wikipedia | Википедия",
    "OpenAI": "OpenAI", "Tesla": "Tesla | Тесла | تسلا | تيسلا", "SpaceX": "SpaceX", "Intel": "Intel", "Nvidia": "Nvidia | =NVIDIA",
    "AMD": "=AMD", "IBM": "=IBM", "Oracle": "=Oracle Corporation", "Samsung": "Samsung | 삼성~2", "Sony": "Sony",
    "Huawei": "Huawei", "Xiaomi": "Xiaomi", "Alibaba": "Alibaba", "Tencent": "Tencent", "Baidu": "Baidu",
    "Uber": "Uber", "Airbnb": "Airbnb", "PayPal": "PayPal", "Visa Inc.": "=VISA | Visa Inc.", "Mastercard": "Mastercard",
    "Siemens": "Siemens", "Volkswagen": "Volkswagen", "BMW": "=BMW", "Mercedes-Benz": "Mercedes-Benz",
    "Toyota": "Toyota", "Boeing": "Boeing", "Airbus": "Airbus", "Nestlé": "Nestlé | Nestle", "Novartis": "Novartis",
    "Roche": "Roche", "UBS": "=UBS", "Credit Suisse": "Credit Suisse", "Swiss Re": "Swiss Re", "ABB": "=ABB",
    "Glencore": "Glencore", "Swisscom": "Swisscom", "Swiss International Air Lines": "Swiss International Air Lines",
    "Pfizer": "Pfizer", "Moderna": "Moderna", "BioNTech": "BioNTech", "AstraZeneca": "AstraZeneca",
    "Johnson & Johnson": "Johnson & Johnson", "Gazprom": "Gazprom | Газпром", "Rosneft": "Rosneft | Роснефть",
    "Sberbank": "Sberbank | Сбербанк~2 | Сбер", "Saudi Aramco": "Saudi Aramco | Aramco", "Shell": "=Shell plc",
    "Reuters": "Reuters | Рейтер~2", "Agence France-Presse": "Agence France-Presse | =AFP", "Associated Press": "Associated Press",
    "dpa": "=dpa | Deutsche Presse-Agentur", "Keystone-SDA": "Keystone-SDA | Keystone-ATS | =SDA",
    "Bloomberg": "Bloomberg", "CNN": "=CNN", "BBC": "=BBC", "Al Jazeera": "Al Jazeera | الجزيرة", "NTV": "=NTV",
    "TRT": "=TRT", "Anadolu Agency": "Anadolu Agency | Anadolu Ajansı", "TASS": "=TASS | =ТАСС",
    "RIA Novosti": "RIA Novosti | РИА Новости", "Interfax": "Interfax | Интерфакс", "Xinhua": "Xinhua",
    "Yonhap": "Yonhap | 연합뉴스", "Kyodo": "Kyodo", "NHK": "=NHK", "Le Monde": "Le Monde", "Le Figaro": "Le Figaro",
    "The Guardian": "The Guardian", "The New York Times": "The New York Times | New York Times",
    "The Washington Post": "The Washington Post | Washington Post", "Financial Times": "Financial Times",
    "The Wall Street Journal": "Wall Street Journal", "Der Spiegel": "Der Spiegel", "Neue Zürcher Zeitung": "Neue Zürcher Zeitung | =NZZ",
    "Tages-Anzeiger": "Tages-Anzeiger", "Corriere della Sera": "Corriere della Sera", "La Repubblica": "La Repubblica",
    "El País": "El País", "El Mundo": "El Mundo", "Daily Mail": "Daily Mail", "The Times": "The Times",
    "The Lancet": "The Lancet", "JAMA": "=JAMA", "New England Journal of Medicine": "New England Journal of Medicine | =NEJM",
    "NASA": "=NASA | НАСА | ناسا", "FDA": "=FDA", "CDC": "=CDC", "European Medicines Agency": "European Medicines Agency | =EMA",
    "FBI": "=FBI | =ФБР", "CIA": "=CIA | =ЦРУ", "Pentagon": "Pentagon | Pentágono | Пентагон~1 | البنتاغون",
    "Roscosmos": "Roscosmos | Роскосмос", "Harvard University": "Harvard University | Harvard",
    "Columbia University": "Columbia University", "Stanford University": "Stanford University",
    "Massachusetts Institute of Technology": "Massachusetts Institute of Technology | =MIT",
    "University of Oxford": "University of Oxford | Oxford University", "University of Cambridge": "University of Cambridge | Cambridge University",
    "International Skating Union": "International Skating Union | =ISU", "FIS": "International Ski Federation | =FIS",
    "UCI": "Union Cycliste Internationale | =UCI", "World Athletics": "World Athletics", "NBA": "=NBA", "NFL": "=NFL",
    "WTA": "=WTA", "Bitcoin Foundation": "Bitcoin Foundation",
}

# Head words of organisation names the tables lack, for `organisations._named_bodies`.
# English-style names end in a head ("Northern Water Council") or go on after it
# through "of"/"for"/"on" ("Ministry of Ports", "Committee on the Rights of …").
HEADS_LAST = {
    "Agency", "Academy", "Association", "Authority", "Bank", "Board", "Bureau", "Center", "Centre", "Club",
    "Commission", "Committee", "Company", "Corporation", "Council", "Court", "Department", "Federation", "Forces",
    "Foundation", "Fund", "Group", "Institute", "Laboratory", "League", "Ministry", "Museum", "Network", "Office",
    "Organization", "Party", "Secretariat", "Service", "Society", "Technologies", "Trust",
    "Union", "University", "Inc.", "Ltd", "GmbH", "AG", "LLC", "plc", "Corp.", "Tbk", "Sàrl",
}
# Heads after which a name goes on only through a connector (alone they are common words).
HEADS_FIRST_ONLY = {"Ministry", "Department", "Office", "Bureau", "Secretariat", "Service"}
# German heads before "für …" ("Institut für Beispielkunde"), and heads a capitalised
# name follows directly ("Abteilung Klima", "Stiftung Beispiel", "Universität Bern").
HEADS_DE_FUR = ("Bundesamt|Landesamt|Staatssekretariat|Kommission|Amt|Direktion|Institut|Zentrum|Verband|Rat|"
                "Dienst|Fachstelle|Stiftung|Gesellschaft|Vereinigung|Konferenz|Akademie|Hochschule|Agentur|"
                "Behörde|Ministerium|Bundesministerium|Sekretariat|Büro|Beauftragte|Beauftragter|Stelle|Forum|"
                "Observatorium|Allianz|Netzwerk|Gericht|Komitee")
HEADS_DE_DIRECT = ("Abteilung|Direktionsbereich|Sektion|Fachbereich|Geschäftsbereich|Stiftung|Genossenschaft|"
                   "Universität|Fachhochschule|Kantonsspital|Universitätsspital|Kernkraftwerk")
# Romance heads before "de …"/"di …" (lower-case names: "Office fédéral de la pêche").
HEADS_ROMANCE = ("Office fédéral|Ufficio federale|Secrétariat d['’]État|Segreteria di Stato|Commission fédérale|"
                 "Commissione federale|Ministère|Ministero|Ministerio|Ministério|Université|Università|Universidad|"
                 "Universidade|Institut|Istituto|Instituto|Fondation|Fondazione|Fundación|Fundação|Association|"
                 "Associazione|Asociación|Associação|Agence|Agenzia|Agencia|Agência|Banque|Banca|Banco|"
                 "Observatoire|Osservatorio|Observatorio|Centre|Centro|Tribunal|Tribunale|"
                 "Direction générale|Direzione generale|"
                 "Dirección General|Haute école|Alta scuola|École|Scuola|Escuela|Escola|Musée|Museo|"
                 "Syndicat|Sindacato|Sindicato|Grupo|Gruppo|Groupe")
