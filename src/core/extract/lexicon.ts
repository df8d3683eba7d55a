// Field-made lexicons for news and policy writing: countries (with demonyms), capitals and major
// cities, regions and seas, international organisations and news media, titles, attribution verbs.
// General world knowledge only; nothing here is taken from any one article.

import type { EntityType } from '../model';

/** Country name | demonym adjective(s) | plural people noun(s). */
const COUNTRIES = `Afghanistan|Afghan|Afghans;Albania|Albanian|Albanians;Algeria|Algerian|Algerians;Andorra|Andorran;Angola|Angolan|Angolans;
Argentina|Argentine,Argentinian|Argentines,Argentinians;Armenia|Armenian|Armenians;Australia|Australian|Australians;Austria|Austrian|Austrians;
Azerbaijan|Azerbaijani,Azeri|Azerbaijanis,Azeris;Bahrain|Bahraini|Bahrainis;Bangladesh|Bangladeshi|Bangladeshis;Belarus|Belarusian|Belarusians;
Belgium|Belgian|Belgians;Benin|Beninese;Bhutan|Bhutanese;Bolivia|Bolivian|Bolivians;Bosnia and Herzegovina,Bosnia|Bosnian|Bosnians;
Botswana|Botswanan;Brazil|Brazilian|Brazilians;Brunei|Bruneian;Bulgaria|Bulgarian|Bulgarians;Burkina Faso|Burkinabe;Burundi|Burundian;
Cambodia|Cambodian|Cambodians;Cameroon|Cameroonian|Cameroonians;Canada|Canadian|Canadians;Chad|Chadian|Chadians;Chile|Chilean|Chileans;
China|Chinese;Colombia|Colombian|Colombians;Congo,Democratic Republic of the Congo,DRC|Congolese;Costa Rica|Costa Rican;Croatia|Croatian,Croat|Croatians,Croats;
Cuba|Cuban|Cubans;Cyprus|Cypriot|Cypriots;Czech Republic,Czechia|Czech|Czechs;Denmark|Danish|Danes;Djibouti|Djiboutian;
Dominican Republic|Dominican|Dominicans;Ecuador|Ecuadorian|Ecuadorians;Egypt|Egyptian|Egyptians;El Salvador|Salvadoran|Salvadorans;
Eritrea|Eritrean|Eritreans;Estonia|Estonian|Estonians;Ethiopia|Ethiopian|Ethiopians;Fiji|Fijian;Finland|Finnish|Finns;France|French;
Gabon|Gabonese;Gambia|Gambian;Georgia|Georgian|Georgians;Germany|German|Germans;Ghana|Ghanaian|Ghanaians;Greece|Greek|Greeks;
Guatemala|Guatemalan|Guatemalans;Guinea|Guinean|Guineans;Haiti|Haitian|Haitians;Honduras|Honduran|Hondurans;Hungary|Hungarian|Hungarians;
Iceland|Icelandic|Icelanders;India|Indian|Indians;Indonesia|Indonesian|Indonesians;Iran|Iranian|Iranians;Iraq|Iraqi|Iraqis;
Ireland|Irish;Israel|Israeli|Israelis;Italy|Italian|Italians;Ivory Coast,Côte d’Ivoire,Côte d'Ivoire,Cote d'Ivoire|Ivorian|Ivorians;Jamaica|Jamaican|Jamaicans;
Japan|Japanese;Jordan|Jordanian|Jordanians;Kazakhstan|Kazakh|Kazakhs;Kenya|Kenyan|Kenyans;Kosovo|Kosovar|Kosovars;Kuwait|Kuwaiti|Kuwaitis;
Kyrgyzstan|Kyrgyz;Laos|Lao,Laotian;Latvia|Latvian|Latvians;Lebanon|Lebanese;Liberia|Liberian|Liberians;Libya|Libyan|Libyans;
Liechtenstein;Lithuania|Lithuanian|Lithuanians;Luxembourg;Madagascar|Malagasy;Malawi|Malawian|Malawians;Malaysia|Malaysian|Malaysians;
Maldives|Maldivian;Mali|Malian|Malians;Malta|Maltese;Mauritania|Mauritanian;Mauritius|Mauritian;Mexico|Mexican|Mexicans;
Moldova|Moldovan|Moldovans;Monaco|Monegasque;Mongolia|Mongolian|Mongolians;Montenegro|Montenegrin;Morocco|Moroccan|Moroccans;
Mozambique|Mozambican;Myanmar,Burma|Burmese;Namibia|Namibian;Nepal|Nepali,Nepalese;Netherlands,Holland|Dutch;New Zealand|New Zealander|New Zealanders;
Nicaragua|Nicaraguan;Niger|Nigerien;Nigeria|Nigerian|Nigerians;North Korea|North Korean|North Koreans;North Macedonia|Macedonian|Macedonians;
Norway|Norwegian|Norwegians;Oman|Omani|Omanis;Pakistan|Pakistani|Pakistanis;Palestine|Palestinian|Palestinians;Panama|Panamanian;
Papua New Guinea;Paraguay|Paraguayan;Peru|Peruvian|Peruvians;Philippines|Philippine,Filipino|Filipinos;Poland|Polish|Poles;
Portugal|Portuguese;Qatar|Qatari|Qataris;Romania|Romanian|Romanians;Russia,Russian Federation|Russian|Russians;Rwanda|Rwandan|Rwandans;
Saudi Arabia|Saudi|Saudis;Senegal|Senegalese;Serbia|Serbian,Serb|Serbians,Serbs;Sierra Leone|Sierra Leonean;Singapore|Singaporean|Singaporeans;
Slovakia|Slovak|Slovaks;Slovenia|Slovenian,Slovene|Slovenians,Slovenes;Somalia|Somali|Somalis;South Africa|South African|South Africans;
South Korea|South Korean|South Koreans;South Sudan|South Sudanese;Spain|Spanish|Spaniards;Sri Lanka|Sri Lankan|Sri Lankans;
Sudan|Sudanese;Sweden|Swedish|Swedes;Switzerland|Swiss;Syria|Syrian|Syrians;Taiwan|Taiwanese;Tajikistan|Tajik|Tajiks;
Tanzania|Tanzanian|Tanzanians;Thailand|Thai|Thais;Togo|Togolese;Tunisia|Tunisian|Tunisians;Turkey,Türkiye|Turkish|Turks;
Turkmenistan|Turkmen;Uganda|Ugandan|Ugandans;Ukraine|Ukrainian|Ukrainians;United Arab Emirates,UAE|Emirati|Emiratis;
United Kingdom,UK,U.K.,Britain,Great Britain|British|Britons;United States,US,U.S.,USA,America|American|Americans;Uruguay|Uruguayan;
Uzbekistan|Uzbek|Uzbeks;Venezuela|Venezuelan|Venezuelans;Vietnam|Vietnamese;Yemen|Yemeni|Yemenis;Zambia|Zambian|Zambians;
Zimbabwe|Zimbabwean|Zimbabweans;England|English;Scotland|Scottish|Scots;Wales|Welsh;Northern Ireland|Northern Irish;
Antigua and Barbuda|Antiguan|Antiguans;Bahamas|Bahamian|Bahamians;Barbados|Barbadian,Bajan|Barbadians,Bajans;Belize|Belizean|Belizeans;
Cape Verde,Cabo Verde|Cape Verdean|Cape Verdeans;Central African Republic|Central African;Comoros|Comorian|Comorians;Dominica;
Republic of the Congo,Congo-Brazzaville;Equatorial Guinea|Equatoguinean,Equatorial Guinean|Equatoguineans;Eswatini,Swaziland|Swazi|Swazis;
Grenada|Grenadian|Grenadians;Guinea-Bissau|Bissau-Guinean|Bissau-Guineans;Guyana|Guyanese;Kiribati|I-Kiribati;Lesotho|Basotho,Mosotho;
Marshall Islands|Marshallese;Micronesia,Federated States of Micronesia|Micronesian|Micronesians;Nauru|Nauruan|Nauruans;Palau|Palauan|Palauans;
Saint Kitts and Nevis,St Kitts and Nevis|Kittitian|Kittitians;Saint Lucia,St Lucia|Saint Lucian|Saint Lucians;
Saint Vincent and the Grenadines,St Vincent and the Grenadines|Vincentian|Vincentians;Samoa|Samoan|Samoans;San Marino|Sammarinese;
São Tomé and Príncipe,Sao Tome and Principe|Santomean|Santomeans;Seychelles|Seychellois;Solomon Islands|Solomon Islander|Solomon Islanders;
Suriname|Surinamese;Timor-Leste,East Timor|Timorese;Tonga|Tongan|Tongans;Trinidad and Tobago|Trinidadian,Tobagonian|Trinidadians,Tobagonians;
Tuvalu|Tuvaluan|Tuvaluans;Vanuatu|Ni-Vanuatu;Vatican,Holy See,Vatican City;State of Palestine;
Greenland|Greenlandic|Greenlanders;Puerto Rico|Puerto Rican|Puerto Ricans;Hong Kong|Hongkonger|Hongkongers;Macau,Macao|Macanese;
Western Sahara|Sahrawi|Sahrawis;New Caledonia|New Caledonian|New Caledonians;French Polynesia|French Polynesian;Guam|Guamanian|Guamanians;
Gibraltar|Gibraltarian|Gibraltarians;Faroe Islands,Faroes|Faroese;Somaliland|Somalilander|Somalilanders;Bermuda|Bermudian|Bermudians;
Cayman Islands|Caymanian|Caymanians;Falkland Islands,Falklands|Falkland Islander|Falkland Islanders;Isle of Man|Manx;Aruba|Aruban|Arubans;
Curaçao,Curacao|Curaçaoan;Cook Islands;Niue|Niuean;American Samoa|American Samoan;Northern Mariana Islands;British Virgin Islands;
US Virgin Islands;Anguilla|Anguillan;Montserrat;Turks and Caicos Islands,Turks and Caicos;Northern Cyprus|Turkish Cypriot|Turkish Cypriots;
Réunion,Reunion;Mayotte;Guadeloupe;Martinique;French Guiana;Tokelau;Pitcairn Islands;Saint Helena;Wallis and Futuna;Åland,Aland;Svalbard`;
/** Demonyms missing from a country's row (the row's first form names the country). */
const MORE_DEMONYMS = `Andorra|Andorrans;Botswana|Motswana,Batswana;Brunei|Bruneians;Burkina Faso|Burkinabè;Burundi|Burundians;
Costa Rica|Costa Ricans;Djibouti|Djiboutians;Fiji|Fijians;Gabon|Gabonese;Gambia|Gambians;Liechtenstein|Liechtensteiner,Liechtensteiners;
Luxembourg|Luxembourger,Luxembourgers,Luxembourgish;Maldives|Maldivians;Mauritania|Mauritanians;Mauritius|Mauritians;Montenegro|Montenegrins;
Mozambique|Mozambicans;Namibia|Namibians;Nicaragua|Nicaraguans;Niger|Nigeriens;Panama|Panamanians;Papua New Guinea|Papua New Guinean,Papua New Guineans;
Paraguay|Paraguayans;Sierra Leone|Sierra Leoneans;Uruguay|Uruguayans;Mauritania|Mauritanians;Djibouti|Djiboutians;Laos|Laotians;
Kyrgyzstan|Kyrgyzstani;Tajikistan|Tajikistani;Uzbekistan|Uzbekistani;Kazakhstan|Kazakhstani;Turkmenistan|Turkmens;Belarus|Belarusians;
Myanmar|Myanmarese;Nepal|Nepalis;Cuba|Cubans;Mali|Malians;Malta|Maltese;Monaco|Monegasques;Oman|Omanis;Benin|Beninese;Bhutan|Bhutanese`;

/** Capitals, major cities, states and provinces, territories often in the news. */
const PLACES = `Bandar Seri Begawan|Vientiane|Bishkek|Dushanbe|Ashgabat|Thimphu|Malé|Port Louis|Antananarivo|Moroni|Lilongwe|Gaborone|Windhoek|
Maseru|Mbabane|Lobamba|Bujumbura|Gitega|Kigali|Dodoma|Dar es Salaam|Juba|Asmara|Bangui|Yaoundé|Yaounde|Malabo|Libreville|Brazzaville|Luanda|
São Tomé|Sao Tome|Niamey|N’Djamena|N'Djamena|Ndjamena|Ouagadougou|Bamako|Nouakchott|Banjul|Bissau|Conakry|Freetown|Monrovia|Yamoussoukro|
Abidjan|Lomé|Lome|Porto-Novo|Cotonou|Praia|Laayoune|Hargeisa|Manama|Kuwait City|Sana’a|Port of Spain|Georgetown|Paramaribo|Cayenne|Quito|
Guayaquil|La Paz|Sucre|Asunción|Asuncion|Tegucigalpa|Managua|San José|San Jose|Panama City|San Salvador|Guatemala City|Belmopan|
Santo Domingo|Port-au-Prince|Kingston|Nassau|Bridgetown|Castries|Kingstown|St George’s|St. George’s|Roseau|Basseterre|Vaduz|
Andorra la Vella|Vatican City|Podgorica|Sarajevo|Nuuk|Tórshavn|Torshavn|San Juan|Hagåtña|Hagatna|Nouméa|Noumea|Papeete|Apia|Nuku’alofa|
Nuku'alofa|Funafuti|Tarawa|South Tarawa|Majuro|Palikir|Ngerulmud|Honiara|Port Vila|Suva|Port Moresby|Dili|Yaren|Putrajaya|
Sri Jayawardenepura Kotte|Bloemfontein|Sucre|Saint Helier|Valletta|Lusaka|`;
const PLACES_MORE = `Kabul|Tirana|Algiers|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Dhaka|Minsk|Brussels|Antwerp|Brasília|Brasilia|
Rio de Janeiro|São Paulo|Sao Paulo|Sofia|Phnom Penh|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|Shanghai|Hong Kong|Shenzhen|Guangzhou|
Wuhan|Bogotá|Bogota|Kinshasa|Zagreb|Havana|Nicosia|Prague|Copenhagen|Cairo|Tallinn|Addis Ababa|Helsinki|Paris|Marseille|Lyon|Tbilisi|
Berlin|Munich|Frankfurt|Hamburg|Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Kolkata|Bangalore|Jakarta|Tehran|Baghdad|Mosul|
Basra|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Naples|Tokyo|Osaka|Amman|Astana|Almaty|Nairobi|Pristina|Riga|Beirut|Tripoli|Benghazi|
Vilnius|Kuala Lumpur|Valletta|Mexico City|Chisinau|Chișinău|Ulaanbaatar|Rabat|Casablanca|Maputo|Naypyidaw|Yangon|Kathmandu|Amsterdam|
Rotterdam|The Hague|Wellington|Auckland|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore|Ramallah|Lima|Manila|
Warsaw|Krakow|Gdansk|Lisbon|Doha|Bucharest|Moscow|St Petersburg|Saint Petersburg|Kaliningrad|Riyadh|Jeddah|Dakar|Belgrade|Bratislava|
Ljubljana|Mogadishu|Pretoria|Johannesburg|Cape Town|Seoul|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Davos|
Damascus|Aleppo|Idlib|Taipei|Bangkok|Tunis|Ankara|Istanbul|Kampala|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv|Dnipro|Zaporizhzhia|Kherson|
Mariupol|Bakhmut|Avdiivka|Pokrovsk|Sumy|Donetsk|Luhansk|Abu Dhabi|Dubai|London|Manchester|Birmingham|Edinburgh|Glasgow|Belfast|Cardiff|
Washington|New York|Los Angeles|Chicago|San Francisco|Boston|Houston|Miami|Seattle|Philadelphia|Atlanta|Detroit|Silicon Valley|
Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Sanaa|Aden|Lusaka|Harare|Gaza|Gaza City|Rafah|Khan Younis|West Bank|Golan Heights|
Crimea|Donbas|Donbass|Kursk|Belgorod|Transnistria|Abkhazia|South Ossetia|Nagorno-Karabakh|Kashmir|Tibet|Xinjiang|Hokkaido|Okinawa|
Kurdistan|Catalonia|Bavaria|Quebec|Ontario|Alberta|British Columbia|Greenland|Svalbard|Sahel|Darfur|Tigray|Sinai|Siberia|Chechnya|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|
Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|
New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|
Vermont|Virginia|West Virginia|Capitol Hill|Wall Street|Main Street|Wisconsin|Wyoming|Puerto Rico|Guam|Anchorage|Brussels|Strasbourg|Luxembourg City|Monaco|Vatican|
Europe|Asia|Africa|North America|South America|Latin America|Central America|Antarctica|Arctic|Antarctic|Oceania|Eurasia|Scandinavia|
Balkans|Baltics|Caucasus|Central Asia|South Asia|Southeast Asia|East Asia|Middle East|Near East|Far East|North Africa|West Africa|
East Africa|Horn of Africa|Sub-Saharan Africa|Indo-Pacific|Asia-Pacific|Pacific|Atlantic|Mediterranean|Black Sea|Red Sea|North Sea|Caspian Sea|Arabian Sea|Sea of Azov|Sea of Japan|Sea of Okhotsk|Gulf of Mexico|Gulf of Aden|Gulf of Oman|Bay of Bengal|English Channel|Kerch Strait|
South China Sea|East China Sea|Persian Gulf|Gulf|Global South|Global North|Western Europe|Eastern Europe|Central Europe|
Northern Europe|Southern Europe|Western Balkans|Korean Peninsula|Taiwan Strait|Strait of Hormuz|Suez Canal|Panama Canal|Bosphorus`;

/** Regions named with the article: "the West", "the Gulf". The article belongs to the mention. */
export const ARTICLE_REGIONS = new Set(['West', 'East', 'North', 'South']);

/** Organisation canonical name | other names. */
const ORGANIZATIONS = `NATO|Nato,North Atlantic Treaty Organization,North Atlantic Treaty Organisation;European Union|EU,E.U.;United Nations|UN,U.N.;
UN Security Council|Security Council,UNSC;UN General Assembly|General Assembly;International Monetary Fund|IMF;World Bank;World Trade Organization|WTO,World Trade Organisation;
World Health Organization|WHO,World Health Organisation;International Criminal Court|ICC;International Court of Justice|ICJ;
International Atomic Energy Agency|IAEA;OPEC|Organization of the Petroleum Exporting Countries;OECD|Organisation for Economic Co-operation and Development;
Organization for Security and Co-operation in Europe|OSCE;African Union|AU;ASEAN|Association of Southeast Asian Nations;G7|Group of Seven;G20|Group of 20;BRICS;
European Commission|Commission;European Parliament;European Central Bank|ECB;Council of Europe;European Council;Federal Reserve|Fed;Bank of England;
Bank of Japan;People’s Bank of China;European Investment Bank|EIB;European Bank for Reconstruction and Development|EBRD;Asian Development Bank|ADB;
Red Cross|International Committee of the Red Cross,ICRC;UNHCR|UN Refugee Agency;UNICEF;Amnesty International;Human Rights Watch;
Knesset;Verkhovna Rada|Rada;Sejm;Majlis;Lok Sabha;National Assembly;House of Commons;House of Lords;Élysée|Elysee;Bundesrat;
Politburo;Central Committee;Chinese Communist Party|Communist Party,CCP;IDF|Israel Defense Forces;Revolutionary Guards|IRGC;
Labour Party|Labour;Conservative Party|Conservatives,Tories,Tory Party;Liberal Democrats|Lib Dems;Reform UK;Scottish National Party|SNP;
Republican Party|Republicans,GOP;Democratic Party|Democrats;Alternative for Germany|AfD;Christian Democratic Union|CDU;Social Democratic Party|SPD;
United Russia;Bharatiya Janata Party|BJP;Law and Justice|PiS;Fidesz;National Rally|Rassemblement National;Likud;
Kremlin;Pentagon;White House;State Department;Congress;Senate;House of Representatives;Supreme Court;Downing Street;Bundestag;Duma|State Duma;
Hamas;Hezbollah;Taliban;Islamic State|ISIS,ISIL;Houthis;Wagner Group|Wagner;Gazprom;Rosneft;
Reuters;Associated Press|AP;Agence France-Presse|AFP;Bloomberg;BBC;CNN;Fox News;NBC;CBS;ABC;Al Jazeera;Financial Times|FT;
New York Times;Washington Post;Wall Street Journal;The Economist|Economist;The Guardian|Guardian;Politico;Axios;TASS;RIA Novosti;Xinhua;
Kyiv Independent;The Conversation|Conversation;Chatham House;Brookings Institution|Brookings;RAND Corporation|RAND;
Institute for the Study of War|ISW;Carnegie Endowment for International Peace|Carnegie;Council on Foreign Relations|CFR;ODI Global|ODI;
Kiel Institute;Eurostat;Google;Alphabet;Meta;Facebook;Apple;Microsoft;Amazon;Tesla;OpenAI;Nvidia;TikTok;ByteDance;Huawei;Samsung;
Twitter;Instagram;YouTube;Shell;BP;ExxonMobil|Exxon;Chevron;TotalEnergies;Saudi Aramco|Aramco;Boeing;Airbus;Lockheed Martin;Toyota;Volkswagen;
Siemens;Goldman Sachs;JPMorgan|JPMorgan Chase;BlackRock;SpaceX;Starlink;Rheinmetall;Maersk;Alibaba;Tencent;TSMC;Intel;Moody’s;Fitch;Standard & Poor’s|S&P;S&P Global;Greens|Green Party`;

// Words that end an organisation's name ("Fox News", "World Bank", "Ministry of Defence").
export const ORG_HEADS = /^(?:Macroeconomics|Force|Corps|Guards|Community|League|Pact|Bloc|Economics|Analytics|Research|Consulting|Associates|Advisors|Advisers|Insights|Programme|Bank|News|Global|Council|Ministry|Agency|Institute|Institution|University|College|School|Group|Commission|Party|Parliament|Assembly|Congress|Senate|Forces|Army|Navy|Guard|Times|Post|Journal|Herald|Tribune|Telegraph|Gazette|Press|Review|Daily|Inc|Ltd|Corp|Corporation|Company|Co|Foundation|Fund|Organization|Organisation|Association|Union|Committee|Court|Department|Office|Service|Services|Authority|Board|Bureau|Centre|Center|Network|Alliance|Federation|Coalition|Front|Movement|Society|Trust|Partners|Capital|Holdings|Industries|Airlines|Motors|Energy|Media|Reuters|Cabinet|Secretariat|Directorate|Programme|Program|Initiative|Forum|Club|Watch|International|Observatory|Tank|Labs|Laboratory|Systems|Technologies|Brigade|Battalion|Regiment|Command|Fleet|Flotilla|Police|Intelligence|Treasury|Exchange|Chamber|Mission|Delegation|Summit|Establishment|Administration|Inspectorate|Academy|Airline|Airways|Healthcare|Insider|Magazine|Pharmaceuticals|Pharma|Solutions|Partnership|Project|Desk|Studios|Broadcasting|Bancorp|Group)$/;
export const ORG_FIRST = /^(?:Ministry|Department|Bank|Office|Council|Committee|Institute|University|Court|Agency|Commission|Federation|Union|Organisation|Organization|Association)$/;
// Words that make a capitalised phrase a place ("Gulf of Finland", "Baltic Sea", "Lake Chad").
export const PLACE_HEADS = /^(?:Shoal|Shoals|Reef|Atoll|Archipelago|Lagoon|Strip|Sea|Ocean|Gulf|Bay|Strait|Straits|Lake|River|Mountains|Mountain|Mount|Island|Islands|Peninsula|Valley|Desert|Province|Region|Oblast|County|State|Republic|Canal|Coast|Plain|Basin|Channel|Sound|Heights|Corridor|Highlands|Delta|Square|Street|Airport|Port|Harbour|Harbor|City|Capital|Territory|Territories|Kingdom|Emirate|Hall|Prison|Room|Park|Palace|Base|Camp|Stadium|Square)$/;
export const PLACE_FIRST = /^(?:Gulf|Bay|Strait|Straits|Lake|Mount|Sea|Cape|Isle|Port|Fort|Saint|St|San|Santa|New|North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|Greater)$/;

/** Titles and roles before a name, stripped from it ("President", "Prime Minister", "Dr"). */
export const TITLE_WORDS = new Set(`president|vice-president|vice|prime|minister|chancellor|secretary|general|gen|admiral|adm|colonel|col|major|maj|captain|capt|lieutenant|lt|
sergeant|sgt|commander|chief|king|queen|prince|princess|emperor|sheikh|sultan|emir|pope|cardinal|archbishop|bishop|father|rev|reverend|
senator|sen|representative|rep|congressman|congresswoman|governor|gov|mayor|judge|justice|ambassador|envoy|spokesman|spokeswoman|
spokesperson|director|chair|chairman|chairwoman|ceo|professor|prof|dr|doctor|mr|mrs|ms|miss|sir|dame|lord|lady|foreign|defence|defense|
finance|interior|deputy|acting|former|state|leader|premier|speaker|commissioner|economist|analyst|adviser|advisor|head|founder|
opposition|supreme|high|representative|special|first|lady|crown|national|security|attorney|economy|trade|health|energy|justice|
ex|new|then|late|top|senior|foreign|affairs|military|army|navy|air|force|intelligence|counsel|executive|officer|editor|author|
correspondent|reporter|journalist|researcher|fellow|lecturer|historian|strategist|ayatollah|patriarch|metropolitan|marshal|field|majority|minority|whip|
councillor|councilor|cllr|alderman|alderwoman|assemblyman|assemblywoman|assemblymember|prosecutor|detective|inspector|superintendent|sheriff|constable|magistrate`.split(/[|\s]+/));

/** Verbs that attribute speech or a stated position to their subject. */
export const SPEECH_VERBS = `said|says|say|told|tells|tell|added|adds|stated|states|declared|declares|announced|announces|argued|argues|argue|
maintained|maintains|maintain|insisted|insists|insist|claimed|claims|claim|warned|warns|warn|noted|notes|suggested|suggests|asserted|asserts|
explained|explains|wrote|writes|write|stressed|stresses|emphasised|emphasized|emphasises|emphasizes|acknowledged|acknowledges|admitted|admits|
conceded|concedes|predicted|predicts|estimated|estimates|estimate|forecast|forecasts|projected|projects|reported|reports|confirmed|confirms|
denied|denies|deny|rejected|rejects|urged|urges|called|calls|vowed|vows|pledged|pledges|promised|promises|threatened|threatens|replied|
responded|responds|remarked|remarks|commented|comments|observed|observes|pointed|points|believes|believe|believed|thinks|think|thought|
contends|contended|contend|sees|see|saw|views|viewed|regards|regarded|considers|considered|wants|wanted|hopes|hoped|expects|expected|
asked|asks|ask|questioned|questions|accused|accuses|blamed|blames|described|describes|characterised|characterized|dismissed|dismisses|
proposed|proposes|recommended|recommends|agreed|agrees|disagreed|disagrees|signalled|signaled|signals|indicated|indicates|revealed|reveals|
disclosed|discloses|announced|boasted|complained|complains|alleged|alleges|recalled|recalls|repeated|repeats|reiterated|reiterates|
tweeted|posted|wrote|testified|testifies|cited|cites|touted|touts|chanted|countered|counters|disputed|disputes|dispute|expect|concluded|concludes|found|finds|ruled|rules|welcomed|welcomes|condemned|condemns|criticised|criticized|criticises|criticizes|praised|praises|showed|shows|publishes|published|assessed|assesses|calculated|calculates|put`.split(/[|\s]+/);

export interface LexiconEntry {
  name: string;
  type: EntityType;
}

/** Surface form → canonical entry, for every lexicon name and variant. */
export const KNOWN = new Map<string, LexiconEntry>();
/** Demonyms and people nouns (not entities), mapped to their country. */
export const DEMONYMS = new Map<string, string>();

for (const row of COUNTRIES.split(';')) {
  const [names, adjectives = '', peoples = ''] = row.trim().split('|');
  const all = names.split(',').map((s) => s.trim());
  for (const n of all) KNOWN.set(n, { name: all[0], type: 'place' });
  for (const d of [...adjectives.split(','), ...peoples.split(',')]) if (d.trim()) DEMONYMS.set(d.trim(), all[0]);
}
for (const row of MORE_DEMONYMS.split(';')) {
  const [country, demonyms] = row.trim().split('|');
  for (const d of demonyms.split(',')) if (d.trim() && !DEMONYMS.has(d.trim())) DEMONYMS.set(d.trim(), country);
}
for (const p of (PLACES + PLACES_MORE).split('|')) {
  const n = p.trim();
  if (n && !KNOWN.has(n)) KNOWN.set(n, { name: n, type: 'place' });
}
for (const row of ORGANIZATIONS.split(';')) {
  const [name, others = ''] = row.trim().split('|');
  const canonical = name.trim();
  KNOWN.set(canonical, { name: canonical, type: 'organization' });
  for (const o of others.split(',')) if (o.trim()) KNOWN.set(o.trim(), { name: canonical, type: 'organization' });
}
// Peoples and communities are not entities either (the schema names places and bodies, not groups).
for (const group of 'Europeans|Africans|Asians|Westerners|Arabs|Kurds|Tatars|Uyghurs|Uighurs|Jews|Muslims|Christians|Catholics|Protestants|Orthodox|Sunnis|Shias|Shiites|Alawites|Druze|Rohingya|Pashtuns|Tamils|Sikhs|Hindus|Buddhists|Roma|Latinos|Hispanics|Europhiles|Eurosceptics|Liberals|Socialists|Communists|Islamists|Jihadists|Zionists|Bolsheviks|Soviets|Allies'.split('|')) {
  DEMONYMS.set(group, '');
}
for (const [d, country] of [['European', 'Europe'], ['Western', 'the West'], ['Asian', 'Asia'], ['African', 'Africa'], ['Arab', 'Arab world'], ['Baltic', 'Baltics'], ['Nordic', 'Nordics'], ['Soviet', 'Soviet Union'], ['Crimean', 'Crimea'], ['Kurdish', 'Kurdistan'], ['Eastern', 'East'], ['Latin American', 'Latin America'], ['Middle Eastern', 'Middle East'], ['Muscovite', 'Moscow'], ['Transatlantic', 'Atlantic'], ['Catalan', 'Catalonia'], ['Chechen', 'Chechnya']] as const) {
  DEMONYMS.set(d, country);
}

/** Capitalised words that are never names on their own (weekdays, months, sentence openers…). */
export const NOT_NAMES = new Set(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|
September|October|November|December|The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|But|And|Or|Yet|So|
In|On|At|For|As|If|When|While|After|Before|Since|There|Here|Such|Some|Many|Most|Both|Each|All|No|Not|However|Still|Meanwhile|Moreover|
Indeed|Instead|Then|What|Why|How|Who|Where|Whether|Even|Only|Although|Though|Because|By|From|With|Without|To|Of|Over|Under|Into|Having|
Being|Taken|Given|Despite|Beyond|Among|Between|Against|Through|Across|Along|Others|Few|Either|Neither|Public|Private|Read|Making|
Mr|Mrs|Ms|Dr|Prof|Sir|Also|Just|Now|Today|Yesterday|Tomorrow|Last|Next|First|Second|Third|One|Two|Three|Four|Five|Ten|Hours|Days|Weeks|Months|Years|
Several|Another|Other|More|Less|Much|Any|Every|Once|Until|Unless|Whatever|Whoever|
Thus|Hence|Therefore|Furthermore|Nevertheless|Nonetheless|Overall|Finally|Ultimately|Likewise|Similarly|Accordingly|Perhaps|Maybe|
Yes|Okay|Well|Oh|Please|Thank|Thanks|Let|Consider|Imagine|Note|See|According|Including|During|Following|Amid|Within|Towards|Toward|
Upon|Via|Per|Whilst|Outside|Inside|Behind|Near|Around|Above|Below|Beneath|Throughout|Member|Members|Said|Says|Asked|Speaking|Writing|Photo|Image|Credit|Source|Sources|Read|Related|Advertisement|Subscribe|Updated|
Published|Editor|Editors|Story|Article|Analysis|Opinion|Comment|Commentary|Explainer|Exclusive|Breaking|Live|Watch|Listen|Share|
Government|State|States|Minister|President|Prime|Chancellor|Secretary|Ministry|Parliament|Army|Navy|Police|Court|Party|Union|Bank|
Internet|Covid|COVID|Christmas|Easter|Ramadan|Brexit|God|Chapter|Section|Figure|Table|Part|Article|Annex|Appendix|Act|Law|Bill|Treaty|
Agreement|Accord|Accords|Protocol|Convention|Declaration|Charter|Plan|Program|Programme|Initiative|Strategy|Doctrine|Policy|Report`.split(/[|\s]+/));
