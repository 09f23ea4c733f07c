// Word lists that type a capitalised candidate: titles in front of people, head words of
// organizations and places, the lowercase nouns that follow them ("the Islamic State group",
// "the Liptako-Gourma region"), and the small words allowed inside a name. Written for this project.

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Titles and honorifics stripped from the front of a person's name ("President", "Gen.", "Mr"). */
export const TITLES = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle monsieur herr
  president vice-president president-elect premier chancellor minister ministers secretary
  secretary-general undersecretary under-secretary undersecretary-general under-secretary-general
  director-general directors-general ambassador envoy consul commissioner
  governor gov lieutenant-governor mayor deputy senator sen rep representative congressman
  congresswoman councillor councilor councilman councilwoman legislator lawmaker mp mep
  speaker chairman chairwoman chairperson chair ceo cfo coo cto founder co-founder director
  king queen prince princess emperor empress emir sheikh sheik sultan crown duke duchess earl
  pope cardinal archbishop bishop reverend rev father imam rabbi ayatollah pastor
  judge justice magistrate prosecutor attorney attorney-general solicitor-general
  gen general lt lieutenant col colonel maj major capt captain cmdr commander cdr adm admiral
  sgt sergeant cpl corporal pvt private brig brigadier marshal field-marshal lt-col lt-gen
  maj-gen inspector detective superintendent constable officer chief spokesman spokeswoman
  spokesperson coach manager striker midfielder defender goalkeeper skipper
  fullback winger flanker playmaker quarterback pitcher shortstop outfielder batsman bowler
  wicketkeeper all-rounder opener centre-back
  leader opposition junta dictator warlord militant democrat republican socialist communist
  conservative liberal
  junior associate assistant acting interim former late veteran
  prime foreign defence defense interior finance economy trade health justice energy
  home education agriculture information culture transport labour labor security
  state executive national affairs
`);

/**
 * Titles that by themselves say "a person follows" (a subset of TITLES: the rest, like "Foreign"
 * or "National", only modify another title).
 */
export const PERSON_TITLES = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle monsieur herr
  president vice-president president-elect premier chancellor minister secretary
  secretary-general undersecretary-general under-secretary-general director-general
  ambassador envoy commissioner governor gov mayor senator sen rep
  representative congressman congresswoman councillor lawmaker mp mep speaker chairman
  chairwoman ceo king queen prince princess emperor empress emir sheikh sheik sultan duke duchess
  pope cardinal archbishop bishop reverend rev father imam rabbi ayatollah pastor judge justice
  prosecutor gen general lt lieutenant col colonel maj major capt captain cmdr commander adm
  admiral sgt sergeant cpl corporal brig brigadier marshal inspector detective coach
  spokesman spokeswoman spokesperson
`);

/** Last words that make a capitalised phrase an organization ("... Bank", "... Party"). */
export const ORG_HEADS = set(`
  inc inc. incorporated corp corporation co company companies ltd limited llc plc ag sa nv bv gmbh
  spa srl oyj asa ab holdings holding group groups bank banks bancorp trust fund funds capital
  partners associates securities investments insurance assurance airlines airline airways
  motors industries enterprises technologies technology systems networks communications
  telecom pharmaceuticals pharma energy petroleum oil mining resources brands foods
  party parties council councils ministry ministries department agency agencies authority
  commission committee bureau office directorate administration service services board
  assembly parliament congress senate court tribunal union unions federation confederation
  association alliance league coalition front movement organisation organization institute
  institution foundation society academy university college school polytechnic church
  army navy force forces guard guards brigade brigades corps militia police gendarmerie
  command regiment battalion division
  club fc cf afc united rovers wanderers athletic
  times post news herald tribune journal gazette press telegraph guardian chronicle review
  magazine radio television tv broadcasting media network agency weekly daily
  hospital clinic museum orchestra band
  exchange reserve treasury cabinet government junta
  front forum centre center programme program initiative mission watch international nations
  observatory laboratory labs community
  newsroom newsdesk bros brothers sports zeitung allgemeine rundschau
  pictures studios studio records entertainment publishing publishers chemical chemicals
  electric electronics semiconductor semiconductors software cement textiles
  brewery breweries distillery railway railways railroad shipping logistics
  pharmaceutical biotech bancshares bankshares realty properties hotels resorts stores
`);

/** Lowercase nouns after an organization's possessive ("Kestrel's shares", "the firm's chief executive"). */
export const ORG_POSSESSIONS = set(`
  shares stock shareholders stockholders subsidiary subsidiaries headquarters employees workforce
  board ceo cfo chairman chairwoman profit profits revenue revenues earnings turnover sales
  customers subscribers products brand brands stores factory factories plant plants
  listing merger takeover acquisition bonds debt dividend
`);

/**
 * "X said earnings rose", "X reported quarterly revenue of ...": a company's results after a
 * reporting verb (RESULT_VERBS); words of RESULT_MODIFIERS may stand between ("its net profit").
 */
export const RESULT_VERBS = set(`
  said reported posted announced forecast expects expected
`);
export const RESULT_NOUNS = set(`
  earnings revenue revenues profit profits turnover sales income
`);
export const RESULT_MODIFIERS = set(`
  its net quarterly annual operating pretax pre-tax first-quarter second-quarter third-quarter
  fourth-quarter first-half full-year half-year
`);

/** Words before "of"/"in" that make the name after them a company ("shares of X", "a stake in X"). */
export const STAKE_NOUNS = set(`
  shares share stake stakes stock stocks units bonds
`);

/**
 * First words that make a capitalised phrase an organization ("Air France", "Agence France-Presse",
 * "Deutsche Bahn", "Dynamo Kyiv"), in the languages news keeps them in ("Hapoel ...", "Instituto ...").
 */
export const ORG_PREFIXES = set(`
  air aer agence banco banca banque grupo groupe compagnie societe société deutsche radio
  fc ac afc atletico atlético sporting dynamo dinamo spartak lokomotiv olympique olympiacos borussia team inter
  deportivo hapoel maccabi beitar partizan
  instituto istituto institut universidad universidade università universita colegio liceo escuela scuola
`);

/** Last words of a club's name in a sports report ("Norwich City", "Ipswich Town", "Stirling Albion"). */
export const CLUB_HEADS = set(`
  city town county albion villa rovers wanderers athletic rangers united hotspur orient argyle
  thistle academicals
`);

/** Last words of an event's name: an event is not a person, an organization or a place ("World Cup", "Greater Taunton Open", "Gulf War"). */
export const EVENT_HEADS = set(`
  cup open classic championship championships games olympics olympiad prix slam trophy
  tournament marathon rally festival expo fair awards summit war derby series
`);

/** Words of a product line before its model number ("Model 3", "Series 5", "Galaxy S") that do not belong to the maker's name. */
export const MODEL_WORDS = set(`
  model series class mark mk type version generation gen pro max plus ultra mini
`);

/** First words that make "X of Y" an organization ("Bank of England", "Ministry of Defence"). */
export const ORG_OF_HEADS = set(`
  bank ministry department university college school institute academy council commission
  committee board office bureau agency authority church federation association union league
  alliance party society court house chamber order army government organisation organization
  museum federal fund friends community journal
`);

/** First words that make "X of Y" a place ("Republic of Korea", "Gulf of Guinea"). */
export const PLACE_OF_HEADS = set(`
  republic kingdom emirate sultanate principality province states gulf bay cape isle isles
  island islands sea strait straits lake river mount city town port horn municipality commune
  county district region prefecture governorate
`);

/** Lowercase words before a name that make it a person ("junta leader Assimi Goita", "professor Marc Hill"). */
export const PERSON_NOUNS_BEFORE = set(`
  leader chief spokesman spokeswoman spokesperson official analyst professor author actor actress
  singer artist activist journalist reporter writer lawyer attorney player striker captain coach
  manager director founder chairman chairwoman ceo president minister secretary ambassador envoy
  colonel general commander judge prosecutor senator governor mayor king queen prince princess
  candidate economist scientist researcher historian novelist poet rapper musician comedian
  businessman businesswoman billionaire entrepreneur teacher student doctor surgeon nurse priest
  pastor imam cleric rabbi bishop pope general lieutenant sergeant officer agent detective
  son daughter wife husband brother sister mother father widow cousin uncle aunt
  executive boss owner aide adviser advisor deputy strategist trainer patriarch
`);

/** Last words that make a capitalised phrase a place ("Lake Chad", "Niger Delta", "Red Sea"). */
export const PLACE_HEADS = set(`
  river rivers lake lakes sea seas ocean gulf bay strait straits channel canal island islands
  isle isles peninsula coast delta desert mountain mountains mount mt hills hill range valley
  plateau plain plains basin highlands forest falls
  province region district county prefecture municipality territory oblast governorate
  city town village borough township parish canton emirate republic kingdom sultanate
  street st avenue ave road rd boulevard blvd square lane highway bridge
  airport port harbour harbor station terminal
  heights park plaza mosque cathedral basilica temple shrine palace castle stadium arena
`);

/** Words before "Centre"/"Center" that make it a venue, a place ("Convention Centre", "Arts Center"), not an institution. */
export const VENUE_WORDS = set(`
  convention conference exhibition exhibitions congress art arts tennis sports sport shopping
  leisure aquatic aquatics trade cultural culture performing events event civic visitor visitors
  entertainment expo media
`);

/** Place words that come first ("Lake Chad", "Mount Kenya", "Gulf of Guinea"). */
export const PLACE_PREFIXES = set(`
  lake mount mt gulf bay cape port fort isle strait st saint san santa santo sao el
`);

/**
 * Lowercase nouns after a capitalised phrase that say what kind of organization it is ("the Sea
 * Lark group", "Dunmore bank"): one of them settles the type of the name across the article.
 */
export const ORG_KIND_NOUNS = set(`
  group groups militia militias movement party company firm bank agency organisation
  organization network coalition faction board club newspaper daily broadcaster lab labs
  university carrier airline subsidiary
`);

/**
 * Lowercase nouns right before a name that say it is an organization, in apposition ("the
 * carmaker Velora", "localist group Fresh Wave", "broadcaster Channel Nine", "the band Silver Lanterns").
 * Nouns that also name a person's role ("developer", "producer", "rival") are left out.
 */
export const ORG_NOUNS_BEFORE = set(`
  company companies firm group bank lender insurer carrier airline broadcaster newspaper tabloid
  magazine channel network party band club retailer carmaker automaker chipmaker drugmaker
  miner conglomerate publisher agency charity startup start-up operator label studio outlet
  website app platform brand manufacturer supplier distributor subsidiary organisation
  organization association union coalition movement militia faction outfit
`);

/**
 * Nouns of ORG_NOUNS_BEFORE that open a sentence in apposition, capitalised ("Broadcaster Northwind
 * said", "Carmaker Velora recalled"): they leave the name and vouch for an organization. Nouns that
 * also open names ("Union", "Party", "Channel", "Bank", "Group", "Studio") are left out.
 */
export const ORG_NOUNS_IN_FRONT = set(`
  lender insurer airline broadcaster newspaper tabloid retailer carmaker automaker chipmaker
  drugmaker miner conglomerate publisher charity startup start-up manufacturer supplier distributor
  subsidiary outfit
`);

/** Lowercase nouns right after a capitalised phrase that make it an organization: its kind, its people, what it has. */
export const ORG_NOUNS_AFTER = new Set([
  ...ORG_KIND_NOUNS,
  ...set(`
  insurgents rebels jihadists fighters government ministry spokesman spokeswoman spokesperson officials
  chief executive executives chairman chairwoman ceo cfo founder co-founder boss bosses owner
  owners director directors shareholders investors employees staff shares stock
  subsidiaries analysts economists
`),
]);

/**
 * People who belong to an organization or use its service, before "of"/"from"/"on"/"at"/"with"
 * ("passengers on X", "customers of X", "fighters from X"): the name after is an organization.
 * Not "fans" or "supporters" (of people too).
 */
export const MEMBER_NOUNS = set(`
  passengers customers clients shareholders investors subscribers employees workers members
  fighters militants rebels insurgents jihadists bondholders depositors policyholders
`);

/** Lowercase nouns before "of" that make the name after it a place ("the town of X", "the province of X"). */
export const PLACE_NOUNS_OF = set(`
  town towns city cities village villages hamlet province provinces region district county state
  island islands port suburb suburbs outskirts capital municipality commune prefecture governorate
  neighbourhood neighborhood area
`);

/** Lowercase nouns before the title of a work ("the novel X", "the film X", "his album X"): a title names no person, organization or place. */
export const WORK_NOUNS_BEFORE = set(`
  novel novels book books film films movie movies album albums song songs single documentary
  sitcom opera musical painting poem memoir biography bestseller thriller series
`);

/**
 * Lowercase nouns right after a name that make it a product ("the Quillon Navigator browser", "a
 * Brightlens camera"): a product is no person (a maker's name before one is typed by its own evidence).
 */
export const PRODUCT_NOUNS_AFTER = set(`
  browser browsers app apps software smartphone smartphones phone phones handset handsets tablet
  tablets laptop laptops console consoles camera cameras drone drones chip chips processor processors
  headset headsets
`);

/** Lowercase nouns before a ship's name ("the tanker X", "the cruise ship X"): a ship is no person, organization or place. */
export const VESSEL_NOUNS = set(`
  ship vessel tanker freighter yacht ferry liner frigate destroyer submarine warship cruiser
  trawler schooner steamer icebreaker
`);

/** Lowercase nouns right after a capitalised phrase that make it a place. */
export const PLACE_NOUNS_AFTER = set(`
  region regions province provinces state city town village villages district county area areas
  border borders capital countries country neighbourhood neighborhood valley river desert
  basin coast island islands mountains suburb municipality department prefecture commune
  sub-region subregion enclave peninsula airport governorate oblast countryside
`);

/**
 * The one list of lowercase name particles: they stand inside a personal or place name, spaced
 * ("Luca de Meo", "Omar al Bashir") or hyphened ("al-Bashir"), and always continue a name.
 */
export const NAME_PARTICLES = set(`
  de du des la le del della di da do dos das van von der den ten ter bin ibn al el ul ud
`);

/** Lowercase words allowed inside a multiword name when a capitalised word follows: the particles, and the joins of organization names. */
export const NAME_CONNECTORS = new Set([...NAME_PARTICLES, ...set('of y e and & the for on')]);

/** Words that always join two capitalised words into one name: the particles and "&" ("Procter & Gamble"). */
export const ALWAYS_CONNECT = new Set([...NAME_PARTICLES, '&']);

/**
 * Lowercase parts of a hyphened name besides the particles: the assimilated Arabic article
 * ("Salah ad-Din", "ash-Sham"), "wa", and place links ("Stratford-upon-Avon", "Saint-Denis-sur-Mer").
 */
export const HYPHEN_LINKS = set(`
  ad as ar ash ur wa e sur upon on in
`);

/** Prefixes glued to a capitalised name ("d'Ivoire", "l'Aquila", "al-Qaeda", "bin-Salman"): the name's capital comes after them. */
export const GLUED_PREFIXES = [
  "d'",
  'd’',
  "l'",
  'l’',
  ...['al', 'el', 'ad', 'as', 'ar', 'ash', 'at', 'az', 'an', 'ibn', 'bin'].map((p) => `${p}-`),
];

/** Abbreviations written with a dot inside a name ("Gen. Tiani", "St. Louis"): the dot neither ends the name nor the sentence. */
export const NAME_ABBREVIATIONS = set(`
  mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st mt ft jr sr brig cmdr messrs hon
`);

/** Other abbreviations whose dot ends no sentence ("No. 10", "Acme Inc. said"). */
export const OTHER_ABBREVIATIONS = set(`
  no vs v inc corp co ltd mme mlle
`);

/** Words after which a capitalised name is likely a place ("in Bamako", "from Niamey"). */
export const PLACE_PREPOSITIONS = set(`
  in near from across into outside towards toward around throughout inside via
`);

/** Month and weekday words that are also names: they split a run only at its start ("May", "Sun"). */
export const SPLIT_EXCEPT = set(`
  may march august june april jan sun sat mon wed
`);

/**
 * Family names that are also function words ("Kevin To", "Grace Or": Cantonese names as written in
 * English): after a first name they close the name instead of splitting it (SURNAME_FUNCTION_WORD in rules.ts).
 */
export const SURNAME_FUNCTION_WORDS = set(`
  to or
`);

/** Lowercase nouns after a name that make it a team, in a sports report ("Leeds coach"). */
export const TEAM_NOUNS_AFTER = set(`
  coach manager striker midfielder defender goalkeeper captain fans supporters squad side team
  player players boss skipper bowler batsman pitcher quarterback
`);

/** Compass and size words in front of a place ("East Jerusalem", "Northern Mali", "Greater Manchester"). */
export const COMPASS = set(`
  north south east west northern southern eastern western central upper lower greater northeast
  northwest southeast southwest north-east north-west south-east south-west
`);

/** Articles stripped from the front of a name. */
export const DETERMINERS = set('the a an');

/** Endings of common nouns and adjectives, rare at the end of a personal name. */
export const NOUN_SUFFIX = /(?:tion|sion|ment|ity|ism|ics|ship|ology|ware|ive|ous|ful|less|able|ible)$/;

/** Organizations news names with one word, that no head word gives away. */
export const ORG_NAMES = set(`
  reuters bloomberg xinhua interfax tass ria yonhap kyodo anadolu afp ap upi bbc cnn nbc cbs abc
  un eu au icc icj wfp who unicef ocha msf
  fox msnbc npr pbs aljazeera fed treasury pentagon kremlin congress senate parliament bundesbank
  bundestag knesset duma majlis hamas hezbollah taliban isis isil daesh wagner fatah ecowas nato
  opec imf unicef unesco unhcr interpol europol fifa uefa ioc wto oecd asean nasa fbi cia nsa
  mi5 mi6 gchq kgb fsb mossad frelimo renamo anc zanu-pf swapo mnla jnim minusma barkhane
  google apple microsoft amazon facebook meta twitter tesla toyota samsung huawei boeing airbus
  gazprom rosneft aramco nestle shell bp exxon chevron total
`);

/** Verbs and markers between two sides of a game: a place name beside them is a team. */
export const SPORT_MARKERS = set(`
  beat beats defeated defeat defeats edged edge thrashed routed trounced crushed hammered
  drew draw tied v v. vs vs. versus overcame outclassed stunned upset eliminated knocked
`);

/** Words that make a document read like a sports report (only then are place-named teams sought). */
export const SPORT_WORDS = set(`
  match matches game games goal goals scored score season league cup tournament championship
  innings wicket wickets inning coach striker midfielder goalkeeper playoff playoffs semifinal
  semi-final quarter-final quarterfinal final standings fixture fixtures halftime half-time
  penalty penalties points referee stadium squad soccer football cricket rugby tennis golf
  basketball baseball hockey results division won lost drew draw win
`);

/** Capitalised words that are almost never names on their own (weekday-like and discourse words). */
export const NEVER_NAMES = set(`
  i i'm i'd i've i'll a an the this that these those there here it its we our you your he she they
  his her their him them my me mine yes no not but and or if so as at by for from in into of on
  to with when where what who whom whose which why how while after before during since until
  although though because however meanwhile moreover also then than still yet just now today
  tonight tomorrow yesterday ago monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  mr mrs ms dr
  am pm et gmt utc est edt pst pdt cet bst
  please read click share advertisement related photo video image getty
  chapter section page figure table note update updated breaking exclusive live
  north south east west northern southern eastern western central
  god halftime half-time fulltime full-time
`);

/** Adjectives of faiths: alone (or together: "Roman Catholic") they name no person, organization or place. */
export const FAITH_WORDS = set(`
  moslem moslems muslim muslims islamic islamist islamists christian christians catholic catholics
  roman protestant protestants jewish hindu hindus buddhist buddhists sunni sunnis shia shiite
  shiites shi'ite evangelical sikh sikhs orthodox anglican lutheran methodist baptist
`);

/** Words that end a name when met inside a run of capitals ("Goita Monday", "Mali Today"). */
export const SPLIT_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov
  dec today tonight tomorrow yesterday image photo photograph picture video credit caption
  in on at to for from with by into after before during since until while when where what who
  which this that these those there here it its we our you your he she they his her their my me
  but if or as an a the and
`);

/** Lowercase nouns after a name that make it a sports club or racing team in any text ("Chelsea manager", "Ajax fans", "Velora driver"). */
export const CLUB_NOUNS_AFTER = set(`
  coach manager striker midfielder defender goalkeeper squad fans supporters skipper driver drivers rider riders
`);

/** People who work at an organization: "analysts at Morgan Stanley", "an economist at Nomura". */
export const STAFF_NOUNS = set(`
  analyst analysts economist economists strategist strategists banker bankers trader traders
  researcher researchers executive executives director directors official officials engineer
  engineers employee employees staff spokesman spokeswoman spokesperson partner partners
`);
