"""Hand-written country vocabulary that no package ships.

Country *names* come from CLDR (babel) and pycountry; this module adds what
they lack: short forms, adjectives and demonyms with their inflections, and
capitals, per language. Notation, expanded by `expand`:

- `stem{a,b,}`: stem + each ending (an empty ending keeps the bare stem);
- `stem~N`: stem + up to N more letters (Slavic and Arabic inflection);
- a leading `=`: match case-sensitively (abbreviations: "US", "UK").

Rows are `CODE: "form form ..."` with forms separated by " | ".
"""
from __future__ import annotations

import re

# Short forms and other names CLDR does not give as the main name.
ALIASES = {
    "GB": "英国 | 영국~3 | =UK | =U.K. | Britain | Great Britain | Grossbritannien | Großbritannien | Grande-Bretagne | "
          "Gran Bretagna | Gran Bretaña | Grã-Bretanha | Groot-Brittannië | Britannia | Великобритани~3 | "
          "Британи~3 | Британі~3 | بريطانيا | Wielka Brytania | Wielkiej Brytanii | İngiltere",
    "US": "米国 | 美国 | =US | =U.S. | =USA | =U.S.A. | =EE.UU. | =EEUU | =EUA | =VS | =ABD | США | Stati Uniti d'America | "
          "Stany Zjednoczone | Stanów Zjednoczonych | Stanach Zjednoczonych | Соединённых Штатов | "
          "Соединенных Штатов | Сполучених Штатів | Amerika Birleşik Devletleri | أمريكا | امريكا | "
          "الولايات المتحدة الأمريكية",
    "GB+": "Vereinigten Königreich{,s,es}",
    "US+": "Vereinigten Staaten",
    "TR": "Türkiye | Turkiye | Turquía | Türkei | Turkey",
    "NL": "Holland",
    "CZ": "Tschechien | Czech Republic | Czechia | République tchèque",
    "RU": "Russland | Россия | Росси~3 | =РФ | Rosj~3",
    "UA": "Україн~3 | Украин~3 | Ukrain~3 | Ukrainie | Ukrainy",
    "KR": "한국~3 | 韓国 | 韩国 | South Korea | Südkorea | Corée du Sud | Corea del Sud | Corea del Sur | Zuid-Korea | Южная Корея",
    "KP": "North Korea | Nordkorea | Corée du Nord | Corea del Nord | Corea del Norte | Noord-Korea",
    "CD": "DR Congo | =DRC | =RDC | Demokratische Republik Kongo",
    "CI": "Ivory Coast | Côte d’Ivoire | Elfenbeinküste",
    "VA": "Vatican | Vatikan | Vaticano | Holy See | Heiliger Stuhl | Saint-Siège | Santa Sede",
    "PS": "Palestine | Palästina | Palestina",
    "XK": "Kosovo | Kosova | Косово",
    "MK": "North Macedonia | Nordmazedonien | Macédoine du Nord | Macedonia del Nord",
    "AE": "=UAE | =VAE | =EAU | United Arab Emirates | Emirati Arabi Uniti | Vereinigten Arabischen Emirate{,n} | "
          "Arabischen Emirate{,n} | الإمارات | الامارات",
    "HK": "Hong Kong | Hongkong",
    "MO": "Macao | Macau",
    "TW": "Taïwan",
    "IR": "Persien",
    "MM": "Burma",
    "SZ": "Swaziland",
    "DE": "Deutschland | Bundesrepublik Deutschland | =BRD | Германи~3 | Німеччин~3 | Niemiec~3 | Niemc~3 | Niemcz~3",
    "PL": "Polska | Polski | Polsce | Польш~3 | Польщ~3",
    "FR": "Франци~3 | Франці~3 | Francji | Francja | Francję",
    "CH": "Швейцари~3 | Швейцарі~3 | Szwajcari~3",
    "CN": "Volksrepublik China | Китай~3 | Китая | Китаю | Chiny | Chinach",
    "IT": "Итали~3 | Італі~3 | Włoch~3 | Włochy",
}

# Adjectives and demonyms (all inflections) per country, any language.
DEMONYMS = {
    "CH": "Swiss | schweizer{,in,innen,s,ische,ischen,ischer,isches,ischem,isch} | eidgenössisch{,e,en,er,es,em} | "
          "suisse{,s} | svizzer{o,a,i,e} | suiz{o,a,os,as} | suíç{o,a,os,as} | Zwitser{s,se} | İsviçreli | "
          "швейцарск~4 | швейцарськ~4 | szwajcarsk~3 | سويسري~3",
    "DE": "German{,s} | deutsch{e,en,er,es,em} | Deutsche{,n} | allemand{,e,s,es} | tedesc{o,a,hi,he} | "
          "alemán | aleman{a,es,as} | alem{ão,ã,ães,ãs} | Duits{,e,er} | Alman | немецк~4 | німецьк~4 | "
          "niemieck~3 | ألماني~3",
    "AT": "Austrian{,s} | österreichisch{,e,en,er,es,em} | Österreicher{,in,innen,n} | autrichien{,ne,s,nes} | "
          "austriac{o,a,i,he} | austriac{o,a,os,as} | Oostenrijks{,e} | Avusturyalı | австрийск~4 | "
          "австрійськ~4 | austriack~3 | نمساوي~3",
    "FR": "French | französisch{e,en,er,es,em} | Franzos{e,en} | Französin{,nen} | français{,e,es} | "
          "frances{e,i} | francés | frances{a,es,as} | franc{ês,esa,eses,esas} | Frans{e,en} | Fransız | "
          "французск~4 | французьк~4 | francusk~3 | فرنسي~3",
    "IT": "Italian{,s} | italienisch{e,en,er,es,em} | Italiener{,in,innen,n} | italien{,ne,s,nes} | "
          "italian{o,a,i,e} | italian{o,a,os,as} | Italiaans{,e} | İtalyan | итальянск~4 | італійськ~4 | "
          "włosk~3 | إيطالي~3",
    "GB": "British | Brits | britisch{,e,en,er,es,em} | Brit{e,en,in,innen} | britannique{,s} | "
          "britannic{o,a,i,he} | británic{o,a,os,as} | britânic{o,a,os,as} | Brits{e} | İngiliz | "
          "британск~4 | британськ~4 | brytyjsk~3 | بريطاني~3",
    "US": "American{,s} | amerikanisch{,e,en,er,es,em} | Amerikaner{,in,innen,n} | américain{,e,s,es} | "
          "american{o,a,i,e} | estadounidense{,s} | norte-american{o,a,os,as} | norteamerican{o,a,os,as} | "
          "Amerikaans{,e} | Amerikan | американск~4 | американськ~4 | amerykańsk~3 | أمريكي~3 | أميركي~3 | "
          "امريكي~3",
    "RU": "Russian{,s} | russisch{,e,en,er,es,em} | Russe{,n} | Russin{,nen} | russe{,s} | russ{o,a,i,e} | "
          "rus{o,a,os,as} | Russisch{,e} | Rus | российск~4 | россиян~3 | російськ~4 | rosyjsk~3 | Rosjan~3 | "
          "روسي~3",
    "UA": "Ukrainian{,s} | ukrainisch{,e,en,er,es,em} | Ukrainer{,in,innen,n} | ukrainien{,ne,s,nes} | "
          "ucrain{o,a,i,e} | ucranian{o,a,os,as} | Oekraïens{,e} | Ukraynalı | украинск~4 | українськ~4 | "
          "ukraińsk~3 | أوكراني~3",
    "TR": "Turkish | Turks | türkisch{,e,en,er,es,em} | Türk{e,en,in,innen} | turc{,s} | turque{,s} | "
          "turc{o,a,hi,he} | turc{o,a,os,as} | Turks{e} | турецк~4 | турецьк~4 | turecki~2 | Türk | تركي~3",
    "SE": "Swedish | Swede{,s} | schwedisch{,e,en,er,es,em} | Schwed{e,en,in,innen} | suédois{,e,es} | "
          "svedes{e,i} | suec{o,a,os,as} | Zweeds{,e} | шведск~4 | шведськ~4 | szwedzk~3",
    "FI": "Finnish | Finns | finnisch{,e,en,er,es,em} | finlandais{,e,es} | finlandes{e,i} | "
          "finlandés | finlandes{a,es,as} | Fins{e} | финск~4 | фінськ~4 | fińsk~3",
    "ES": "Spanish | Spaniard{,s} | spanisch{,e,en,er,es,em} | Spanier{,in,innen,n} | espagnol{,e,s,es} | "
          "spagnol{o,a,i,e} | español{,a,es,as} | espanhol{,a,es,as} | Spaans{e} | испанск~4 | іспанськ~4 | "
          "hiszpańsk~3",
    "PT": "Portuguese | portugiesisch{,e,en,er,es,em} | portugais{,e,es} | portoghes{e,i} | portugués | "
          "portugues{a,es,as} | portugu{ês,esa,eses,esas} | Portugees | Portugese",
    "NL": "Dutch | niederländisch{,e,en,er,es,em} | Niederländer{,in,innen,n} | néerlandais{,e,es} | "
          "olandes{e,i} | neerlandés | holandés | holandes{a,es,as} | Nederlands{e} | holenderski~2",
    "BE": "Belgian{,s} | belgisch{,e,en,er,es,em} | Belgier{,in,innen,n} | belge{,s} | belg{a,i,he} | "
          "belga{,s} | Belgisch{e} | бельгийск~4",
    "LI": "Liechtensteiner{,in,innen,n} | liechtensteinisch{,e,en,er,es,em} | liechtensteinois{,e,es}",
    "LU": "Luxembourgish | Luxemburger{,in,innen,n} | luxemburgisch{,e,en,er,es,em} | luxembourgeois{,e,es} | "
          "lussemburghes{e,i}",
    "IE": "Irish | irisch{,e,en,er,es,em} | irlandais{,e,es} | irlandes{e,i} | irlandés",
    "PL": "Polish | polnisch{,e,en,er,es,em} | polonais{,e,es} | polacc{o,a,hi,he} | polac{o,a,os,as} | "
          "Pools{e} | польск~4 | польськ~4",
    "CN": "Chinese | chinesisch{,e,en,er,es,em} | Chines{e,en,in,innen} | chinois{,e,es} | cines{e,i} | "
          "chin{o,a,os,as}@es,pt | chinês | chinesa | Chinees | Chinese | китайск~4 | китайськ~4 | chińsk~3 | صيني~3",
    "JP": "Japanese | japanisch{,e,en,er,es,em} | Japaner{,in,innen,n} | japonais{,e,es} | giappones{e,i} | "
          "japonés | japones{a,es,as} | japon{ês,esa} | Japans{e} | японск~4 | японськ~4 | japońsk~3",
    "IN": "Indian{,s} | indisch{,e,en,er,es,em} | Inder{,in,innen,n} | indien{,ne,s,nes} | indian{o,a,i,e} | "
          "Indiaas | Indiase | индийск~4 | індійськ~4",
    "IL": "Israeli{,s} | israelisch{,e,en,er,es,em} | Israeli{s} | israélien{,ne,s,nes} | israelian{o,a,i,e} | "
          "israelí{,es} | israelense{,s} | israeliano{,s} | İsrailli | израильск~4 | ізраїльськ~4 | "
          "izraelsk~3 | إسرائيلي~3",
    "IR": "Iranian{,s} | iranisch{,e,en,er,es,em} | iranien{,ne,s,nes} | iranian{o,a,i,e} | iraní{,es} | "
          "İranlı | иранск~4 | іранськ~4 | irańsk~3 | إيراني~3",
    "CA": "Canadian{,s} | kanadisch{,e,en,er,es,em} | Kanadier{,in,innen,n} | canadien{,ne,s,nes} | "
          "canades{e,i} | canadiense{,s} | canadense{,s}",
    "AU": "Australian{,s} | australisch{,e,en,er,es,em} | Australier{,in,innen,n} | australien{,ne,s,nes} | "
          "australian{o,a,i,e,os,as}",
    "BR": "Brazilian{,s} | brasilianisch{,e,en,er,es,em} | brésilien{,ne,s,nes} | brasilian{o,a,i,e} | "
          "brasileñ{o,a,os,as} | brasileir{o,a,os,as} | Braziliaans{,e}",
    "MX": "Mexican{,s} | mexikanisch{,e,en,er,es,em} | mexicain{,e,s,es} | messican{o,a,i,e} | "
          "mexican{o,a,os,as}",
    "AR": "Argentine | Argentinian{,s} | argentinisch{,e,en,er,es,em} | argentin{,e,s,es} | "
          "argentin{o,a,i,e,os,as}",
    "GR": "Greek{,s} | griechisch{,e,en,er,es,em} | Griech{e,en,in,innen} | grec{,s} | grecque{,s} | "
          "grec{o,a,i,he,os,as} | Grieks{e} | греческ~4 | грецьк~4",
    "HU": "Hungarian{,s} | ungarisch{,e,en,er,es,em} | hongrois{,e,es} | unghereses{,i} | ungheres{e,i} | "
          "húngar{o,a,os,as}",
    "CZ": "Czech{,s} | tschechisch{,e,en,er,es,em} | tchèque{,s} | cec{o,a,hi,he} | chec{o,a,os,as}",
    "DK": "Danish | Danes | dänisch{,e,en,er,es,em} | danois{,e,es} | danes{e,i} | danés",
    "NO": "Norwegian{,s} | norwegisch{,e,en,er,es,em} | norvégien{,ne,s,nes} | norveges{e,i} | noruego{,s}",
    "SK": "Slovak{,s} | slowakisch{,e,en,er,es,em} | slovaque{,s} | slovacc{o,a,hi,he}",
    "SI": "Slovenian{,s} | slowenisch{,e,en,er,es,em} | slovène{,s} | sloven{o,a,i,e}",
    "HR": "Croatian{,s} | kroatisch{,e,en,er,es,em} | croate{,s} | croat{o,a,i,e}",
    "RS": "Serbian{,s} | serbisch{,e,en,er,es,em} | serbe{,s} | serb{o,a,i,e}",
    "RO": "Romanian{,s} | rumänisch{,e,en,er,es,em} | roumain{,e,s,es} | rumen{o,a,i,e}",
    "BG": "Bulgarian{,s} | bulgarisch{,e,en,er,es,em} | bulgare{,s} | bulgar{o,a,i,e}",
    "EG": "Egyptian{,s} | ägyptisch{,e,en,er,es,em} | égyptien{,ne,s,nes} | egizian{o,a,i,e} | مصري~3",
    "SA": "Saudi | saudisch{,e,en,er,es,em} | saoudien{,ne,s,nes} | saudit{a,i,e} | سعودي~3",
    "SY": "Syrian{,s} | syrisch{,e,en,er,es,em} | syrien{,ne,s,nes} | sirian{o,a,i,e} | سوري~3",
    "IQ": "Iraqi{,s} | irakisch{,e,en,er,es,em} | irakien{,ne,s,nes} | irachen{o,a,i,e} | عراقي~3",
    "AF": "Afghan{,s} | afghanisch{,e,en,er,es,em} | afghan{,e,s,es} | afghan{o,a,i,e}",
    "PK": "Pakistani{,s} | pakistanisch{,e,en,er,es,em} | pakistanais{,e,es} | pakistan{o,a,i,e}",
    "KR": "South Korean{,s} | südkoreanisch{,e,en,er,es,em} | sud-coréen{,ne,s,nes} | sudcorean{o,a,i,e}",
    "KP": "North Korean{,s} | nordkoreanisch{,e,en,er,es,em} | nord-coréen{,ne,s,nes} | nordcorean{o,a,i,e}",
    "ZA": "South African{,s} | südafrikanisch{,e,en,er,es,em} | sud-africain{,e,s,es} | sudafrican{o,a,i,e}",
    "NG": "Nigerian{,s} | nigerianisch{,e,en,er,es,em} | nigérian{,e,s,es} | nigerian{o,a,i,e}",
    "VN": "Vietnamese | vietnamesisch{,e,en,er,es,em} | vietnamien{,ne,s,nes} | vietnamit{a,i,e}",
    "TH": "Thai | thailändisch{,e,en,er,es,em} | thaïlandais{,e,es} | thailandes{e,i}",
    "ID": "Indonesian{,s} | indonesisch{,e,en,er,es,em} | indonésien{,ne,s,nes} | indonesian{o,a,i,e}",
    "PH": "Filipino{,s} | philippinisch{,e,en,er,es,em} | philippin{,e,s,es} | filippin{o,a,i,e}",
    "PS": "Palestinian{,s} | palästinensisch{,e,en,er,es,em} | Palästinenser{,in,innen,n} | "
          "palestinien{,ne,s,nes} | palestines{e,i} | palestin{o,a,os,as} | فلسطيني~3",
    "LB": "Lebanese | libanesisch{,e,en,er,es,em} | libanais{,e,es} | libanes{e,i} | لبناني~3",
    "JO": "Jordanian{,s} | jordanisch{,e,en,er,es,em} | jordanien{,ne,s,nes} | giordan{o,a,i,e} | أردني~3",
    "MA": "Moroccan{,s} | marokkanisch{,e,en,er,es,em} | marocain{,e,s,es} | marocchin{o,a,i,e} | "
          "marroquí{,es} | مغربي~3",
    "DZ": "Algerian{,s} | algerisch{,e,en,er,es,em} | algérien{,ne,s,nes} | algerin{o,a,i,e} | جزائري~3",
    "TN": "Tunisian{,s} | tunesisch{,e,en,er,es,em} | tunisien{,ne,s,nes} | tunisin{o,a,i,e} | تونسي~3",
    "QA": "Qatari{,s} | katarisch{,e,en,er,es,em} | qatari{,e,s,es} | qatariot{a,i,e} | قطري~3",
    "GE": "Georgian{,s} | georgisch{,e,en,er,es,em} | géorgien{,ne,s,nes} | georgian{o,a,i,e}",
    "AM": "Armenian{,s} | armenisch{,e,en,er,es,em} | arménien{,ne,s,nes} | armen{o,a,i,e}",
    "AZ": "Azerbaijani{,s} | aserbaidschanisch{,e,en,er,es,em} | azerbaïdjanais{,e,es} | azer{o,a,i,e}",
    "BY": "Belarusian{,s} | belarussisch{,e,en,er,es,em} | biélorusse{,s} | bieloruss{o,a,i,e} | "
          "белорусск~4 | білоруськ~4 | białorusk~3",
    "MD": "Moldovan{,s} | moldauisch{,e,en,er,es,em} | moldave{,s}",
    "EE": "Estonian{,s} | estnisch{,e,en,er,es,em} | estonien{,ne,s,nes} | eston{e,i}",
    "LV": "Latvian{,s} | lettisch{,e,en,er,es,em} | letton{,e,s,es}",
    "LT": "Lithuanian{,s} | litauisch{,e,en,er,es,em} | lituanien{,ne,s,nes} | lituan{o,a,i,e}",
    "IS": "Icelandic | isländisch{,e,en,er,es,em} | islandais{,e,es} | islandes{e,i}",
    "CY": "Cypriot{,s} | zypriotisch{,e,en,er,es,em} | chypriote{,s} | cipriot{a,i,e}",
    "MT": "Maltese | maltesisch{,e,en,er,es,em} | maltais{,e,es}",
    "AL": "Albanian{,s} | albanisch{,e,en,er,es,em} | albanais{,e,es} | albanes{e,i}",
    "BA": "Bosnian{,s} | bosnisch{,e,en,er,es,em} | bosnien{,ne,s,nes} | bosniac{o,a,i,he}",
    "XK": "Kosovar{,s} | kosovarisch{,e,en,er,es,em} | Kosovar{e,en,in,innen} | kosovar{,e,s,es} | "
          "kosovar{o,a,i,e}",
    "ET": "Ethiopian{,s} | äthiopisch{,e,en,er,es,em} | éthiopien{,ne,s,nes} | etiop{e,i}",
    "KE": "Kenyan{,s} | kenianisch{,e,en,er,es,em} | kényan{,e,s,es} | kenyan{o,a,i,e}",
    "SD": "Sudanese | sudanesisch{,e,en,er,es,em} | soudanais{,e,es} | sudanes{e,i}",
    "YE": "Yemeni{,s} | jemenitisch{,e,en,er,es,em} | yéménite{,s} | yemenit{a,i,e} | يمني~3",
    "LY": "Libyan{,s} | libysch{,e,en,er,es,em} | libyen{,ne,s,nes} | libic{o,a,i,he} | ليبي~3",
    "CU": "Cuban{,s} | kubanisch{,e,en,er,es,em} | cubain{,e,s,es} | cuban{o,a,i,e,os,as}",
    "VE": "Venezuelan{,s} | venezolanisch{,e,en,er,es,em} | vénézuélien{,ne,s,nes} | venezuelan{o,a,i,e} | "
          "venezolan{o,a,os,as}",
    "CO": "Colombian{,s} | kolumbianisch{,e,en,er,es,em} | colombien{,ne,s,nes} | colombian{o,a,i,e,os,as}",
    "CL": "Chilean{,s} | chilenisch{,e,en,er,es,em} | chilien{,ne,s,nes} | cilen{o,a,i,e} | chilen{o,a,os,as}",
    "PE": "Peruvian{,s} | peruanisch{,e,en,er,es,em} | péruvien{,ne,s,nes} | peruvian{o,a,i,e} | peruan{o,a,os,as}",
    "NZ": "New Zealander{,s} | neuseeländisch{,e,en,er,es,em} | néo-zélandais{,e,es} | neozelandes{e,i}",
    "SG": "Singaporean{,s} | singapurisch{,e,en,er,es,em} | singapourien{,ne,s,nes}",
    "TW": "Taiwanese | taiwanisch{,e,en,er,es,em} | taïwanais{,e,es} | taiwanes{e,i}",
    "MN": "Mongolian{,s} | mongolisch{,e,en,er,es,em} | mongol{,e,s,es}",
    "KZ": "Kazakh{,s} | kasachisch{,e,en,er,es,em} | kazakh{,e,s,es} | kazak{o,a,i,he}",
    "UZ": "Uzbek{,s} | usbekisch{,e,en,er,es,em} | ouzbek{,e,s,es}",
}

# Capitals in the languages of the archive; any mention names the country.
CAPITALS = {
    "CH": "Bern | Berne | Berna | Берн | برن",
    "DE": "Berlin | Berlino | Berlín | Берлин | Берлін | برلين",
    "AT": "Wien | Vienne | Vienna | Viena | Wenen | Вена | Відень | Wiedeń | فيينا",
    "FR": "Paris | Parigi | París | Parijs | Париж | Paryż | باريس",
    "IT": "Rome | Rom | Roma@it,es,pt,ro | Rzym | Рим | روما",
    "GB": "London | Londres | Londra | Londen | Лондон | Londyn | لندن",
    "US": "Washington | Вашингтон | Waszyngton | واشنطن",
    "RU": "Moscow | Moskau | Moscou | Mosca | Moscú | Moskou | Moskova | Москва~2 | Москв~2 | Moskwa~2 | موسكو",
    "UA": "Kyiv | Kiev | Kiew | Kiew | Kijów | Kijowie | Киев~2 | Київ~2 | Kyjiw | كييف",
    "TR": "Ankara | Анкара~2 | أنقرة",
    "SE": "Stockholm | Stoccolma | Estocolmo | Стокгольм~2 | Sztokholm~2",
    "FI": "Helsinki | Helsingfors | Хельсинки | Гельсінкі",
    "ES": "Madrid | Мадрид~2",
    "PT": "Lisbon | Lissabon | Lisbonne | Lisbona | Lisboa | Лиссабон~2",
    "NL": "Amsterdam | Den Haag | The Hague | La Haye | L'Aia | La Haya",
    "BE": "Brussels | Brüssel | Bruxelles | Bruselas | Bruxelas | Brussel | Брюссел~2 | Bruksel~2 | بروكسل",
    "LU": "Luxembourg City | Luxemburg-Stadt",
    "LI": "Vaduz",
    "PL": "Warsaw | Warschau | Varsovie | Varsavia | Varsovia | Warszaw~2 | Варшав~2",
    "CZ": "Prague | Prag | Praga | Прага",
    "HU": "Budapest",
    "SK": "Bratislava | Pressburg",
    "SI": "Ljubljana | Laibach",
    "HR": "Zagreb | Zagabria",
    "RS": "Belgrade | Belgrad | Belgrado",
    "RO": "Bucharest | Bukarest | Bucarest | Bucarești",
    "BG": "Sofija",
    "GR": "Athens | Athen | Athènes | Atene | Atenas | Афины",
    "DK": "Copenhagen | Kopenhagen | Copenhague | Copenaghen",
    "NO": "Oslo",
    "IE": "Dublin | Dublino",
    "IS": "Reykjavik | Reykjavík",
    "EE": "Tallinn",
    "LV": "Riga",
    "LT": "Vilnius",
    "BY": "Minsk | Минск",
    "MD": "Chisinau | Chișinău",
    "GE": "Tbilisi | Tiflis",
    "AM": "Yerevan | Eriwan | Erevan",
    "AZ": "Baku",
    "XK": "Pristina | Priština | Prishtina",
    "BA": "Sarajevo",
    "AL": "Tirana",
    "MK": "Skopje",
    "ME": "Podgorica",
    "CN": "Beijing | Peking | Pékin | Pechino | Pekín | Pequim | Пекин | Пекін | بكين",
    "JP": "Tokyo | Tokio | Токио | Tokio",
    "KR": "Seoul | Séoul | Seul",
    "KP": "Pyongyang",
    "IN": "New Delhi | Neu-Delhi | New Dehli | Nuova Delhi | Nueva Delhi",
    "PK": "Islamabad",
    "AF": "Kabul | Kaboul",
    "IR": "Tehran | Teheran | Téhéran | Teherán | طهران",
    "IQ": "Baghdad | Bagdad | بغداد",
    "SY": "Damascus | Damaskus | Damas | Damasco | دمشق",
    "LB": "Beirut | Beyrouth | بيروت",
    "IL": "Jerusalem | Jérusalem | Gerusalemme | Jerusalén | القدس",
    "JO": "Amman",
    "SA": "Riyadh | Riad | Riyad | الرياض",
    "EG": "Cairo | Kairo | Le Caire | El Cairo | القاهرة",
    "QA": "Doha | الدوحة",
    "AE": "Abu Dhabi | أبوظبي | أبو ظبي",
    "CA": "Ottawa",
    "MX": "Mexico City | Mexiko-Stadt | Ciudad de México",
    "BR": "Brasília | Brasilia",
    "AR": "Buenos Aires",
    "CL": "Santiago de Chile",
    "PE": "Lima@es,pt",
    "CO": "Bogotá | Bogota",
    "VE": "Caracas",
    "CU": "Havana | Havanna | La Havane | L'Avana | La Habana",
    "AU": "Canberra",
    "NZ": "Wellington",
    "ZA": "Pretoria",
    "NG": "Abuja",
    "KE": "Nairobi",
    "ET": "Addis Ababa | Addis Abeba",
    "MA": "Rabat",
    "DZ": "Algiers | Algier | Alger | Algeri | Argel",
    "TN": "Tunis@de,fr,en",
    "LY": "Tripoli",
    "SD": "Khartoum | Khartum",
    "TH": "Bangkok",
    "VN": "Hanoi",
    "ID": "Jakarta",
    "PH": "Manila | Manille",
    "TW": "Taipei",
}

# Phrases that contain a country word but name something else.
BLOCKERS = ("New Mexico | New Jersey | New South Wales | Nuevo México | New England | Jordan River | "
            "Washington State | State of Washington | British Columbia | Indian Ocean | océan Indien | "
            "Indischer Ozean | Oceano Indiano | océano Índico | Latin America | Latin American | "
            "Latin Americans | South American | North American | Central American | "
            "Hong Kong dollar | Swiss cheese | French fries | Turkish delight")

# Country words that are also people's names: given names are dropped before
# another capitalised word ("Chad Smith"), surnames after one ("Michael
# Jordan") unless that word starts a sentence.
GIVEN_NAMES = {"chad", "jordan", "paris", "india", "georgia", "israel", "kenya", "china", "sofia", "lima", "dominika", "dominique",
               "salvador"}
# Country names that are also common words, so not a mention at the start of
# a sentence or title ("Réunion du comité", "Riunione del Consiglio").
COMMON_WORD_NAMES = {"reunion", "riunione", "polonaise", "мали", "того", "чад"}  # sr "мали" small, bg "того", ru "чад"

# Capitalised words that start sentences, not names ("In Jordan", "Le Chad").
FUNCTION_WORDS = {"in", "the", "a", "an", "to", "from", "of", "and", "for", "with", "by", "on", "at", "le", "la",
                  "les", "au", "en", "der", "die", "das", "im", "nach", "aus", "il", "el", "los", "al", "del",
                  "da", "do", "het", "de", "van", "und", "et", "y", "e", "both", "like", "than", "visit",
                  "visits", "against", "between", "mit", "von", "für", "pour", "per", "con", "para", "com"}
SURNAMES = {"jordan", "washington", "france", "london", "berlin", "paris", "lima", "chad", "england", "wales"}

# Demonyms that also name a language: not a country mention after these
# words ("en français", "auf Deutsch", "in German") or before "speaking".
LANGUAGE_CONTEXT_BEFORE = {"en", "in", "auf", "im", "su", "em", "op", "na", "на", "по", "po", "from", "into",
                           "vom", "ins", "de", "del", "dal", "dall", "langue", "lingua", "lengua", "sprache",
                           "signes", "segni", "señas", "solo", "soltanto", "seulement", "uniquement", "nur",
                           "only"}
COORDINATORS = {"et", "e", "y", "und", "and", "ou", "o", "oder", "or", "que"}
LANGUAGE_CONTEXT_AFTER = {"gebärdensprache", "sprache", "speaking", "speaker", "speakers", "language", "languages", "sprachig", "sprachigen",
                          "parlant", "parlante", "parlanti", "hablante", "hablantes", "translation", "version",
                          "text", "übersetzung", "fassung", "version", "versione", "traduction"}

_BRACES = re.compile(r"\{([^}]*)\}")


def expand(form: str) -> list[tuple[str, dict]]:
    """Expand one notated form into (phrase, Gazetteer.add options) pairs."""
    form = form.strip()
    if not form:
        return []
    options: dict = {}
    if form.startswith("="):
        form, options["case_sensitive"] = form[1:], True
    if "~" in form:
        form, n = form.rsplit("~", 1)
        options["max_suffix"] = int(n)
    match = _BRACES.search(form)
    if not match:
        return [(form, options)]
    head, tail = form[:match.start()], form[match.end():]
    return [(head + ending + tail, options) for ending in match[1].split(",")]


def rows(table: dict) -> list[tuple[str, str, set[str] | None]]:
    """(code, form, languages or None) for every form in a CODE → "a | b" table."""
    out = []
    for code, forms in table.items():
        for form in forms.split("|"):
            form, _, langs = form.strip().partition("@")
            if form:
                out.append((code.strip(), form, set(langs.split(",")) if langs else None))
    return out
