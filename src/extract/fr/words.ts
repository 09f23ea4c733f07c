// Word tables of the French name extractor, written for this project. Keys are lower case with
// accents kept; lookups fold case only (accent folding is for matching names, not these words).

const set = (s: string): ReadonlySet<string> =>
  new Set(
    s
      .trim()
      .split(/\s*\n\s*|\s{2,}|,\s*/)
      .map((w) => w.trim())
      .filter(Boolean),
  );

/** Elided articles and pronouns glued to the next word with an apostrophe ("l’Alliance", "d’Ivoire" is not one). */
export const ELISIONS = set(`l, d, qu, n, s, c, j, m, t, jusqu, lorsqu, puisqu, quoiqu, presqu`);

/** Small words that join capitalised words into one name: "Alliance des États du Sahel", "Charles de Gaulle". */
export const NAME_PARTICLES = set(`de, du, des, d, la, l`);

/** "de" and its forms, between a noun and a name: "au sud de Marrakech", "rebelles du M23". */
export const OF_WORDS = set(`de, du, des, d`);

/** Connectors inside organisation names, before lower-case words too ("Conseil de sécurité", "… pour la stabilisation"). */
export const ORG_CONNECTORS = set(`de, du, des, d, la, l, le, les, pour, contre, en, sur, aux, au`);

/** Particles of people's names that join two capitalised words ("Ursula von der Leyen", "Mohamed Ould Ghazouani"). */
export const PERSON_JOINERS = set(`von, van, der, den, ben, bin, ould, ag, el, al, ibn, da, dos, di, del, della, ter`);

/** Particles of people's names, kept inside a person's name even in lower case. */
export const PERSON_PARTICLES = set(`de, du, des, d, la, le, ben, bin, ould, ag, el, al, ibn, van, von, da, dos`);

/** Words before a name that make it a person ("le colonel Assimi Goïta", "M. Diop"). */
export const PERSON_TITLES = set(`
  m, mme, mlle, mm, monsieur, madame, mademoiselle, dr, docteur, pr, professeur, me, maître
  colonel, général, générale, capitaine, commandant, lieutenant, lieutenant-colonel, sergent, caporal, adjudant, amiral, maréchal, chef d'état-major
  président, présidente, vice-président, vice-présidente, premier, première, ministre, secrétaire, porte-parole, ambassadeur, ambassadrice
  chef, cheffe, député, députée, sénateur, sénatrice, maire, préfet, préfète, gouverneur, gouverneure, juge, procureur, procureure, avocat, avocate
  roi, reine, prince, princesse, émir, cheikh, imam, pape, archevêque, évêque, abbé, père, sœur, pasteur, marabout
  directeur, directrice, patron, patronne, fondateur, fondatrice, dirigeant, dirigeante, leader, opposant, opposante, militant, militante
  journaliste, chercheur, chercheuse, analyste, économiste, sociologue, historien, historienne, politologue, écrivain, écrivaine, auteur, autrice
  candidat, candidate, commissaire, envoyé, envoyée, médiateur, médiatrice, conseiller, conseillère, délégué, déléguée, coordinateur, coordinatrice
  entraîneur, sélectionneur, attaquant, joueur, joueuse, champion, championne, chanteur, chanteuse, artiste, acteur, actrice, réalisateur, réalisatrice
  jihadiste, djihadiste, rebelle, chef rebelle, colonel-major, feu, défunt, défunte, veuve, épouse, fils, fille, frère, oncle, homologue
`);

/** First words of organisation names ("Communauté économique …", "Banque mondiale", "Parti socialiste"). */
export const ORG_HEADS = set(`
  alliance, communauté, organisation, organization, union, conseil, ministère, parti, banque, fonds, agence, comité, commission
  assemblée, fédération, association, institut, société, groupe, front, mouvement, rassemblement, armée, forces, office, cour
  tribunal, université, école, syndicat, confédération, programme, haut-commissariat, croix-rouge, compagnie, caisse, direction
  parlement, sénat, église, coalition, ligue, observatoire, centre, fondation, secrétariat, autorité, brigade, collectif
  coordination, académie, musée, radio, télévision, journal, mission, opération, force, garde, gendarmerie, police
  cabinet, conférence, fraternité, congrès, bureau, délégation, chambre, régiment, bataillon, corps, laboratoire, hôpital
  lycée, collège, club, équipe, orchestre, réseau, plateforme, consortium, holding, entreprise, mutuelle, médecins
`);

/** Lower-case common nouns that open a name when a particle and a capitalised word follow: "ministère de la Culture", "musée du Louvre". */
export const LOWER_ORG_HEADS = set(`
  ministère, musée, tribunal, cour, université, lycée, collège, hôpital, institut, conseil, parti, comité, fondation, banque, agence, commission
`);
export const LOWER_PLACE_HEADS = set(`
  stade, gare, glacier, lac, mont, fleuve, rivière, aéroport, place, rue, avenue, boulevard, pont, port, parc, palais, château, cathédrale
  mosquée, basilique, prison, camp, île, golfe, mer, océan, massif, col, vallée, forêt, plateau, désert, détroit, canal, baie, cap, barrage
`);

/** Nouns before a name that make it an organisation ("le groupe Wagner", "l’ONG Human Rights Watch", "rebelles du M23"). */
export const ORG_NOUNS_BEFORE = set(`
  groupe, parti, équipe, club, société, entreprise, compagnie, syndicat, ong, constructeur, banque, agence, association, chaîne, journal
  quotidien, hebdomadaire, magazine, firme, laboratoire, opérateur, fabricant, géant, groupe armé, mouvement, coalition, rebelles, milice
  jihadistes, djihadistes, formation, alliance, organisation, fédération, assureur, distributeur, transporteur, start-up, filiale, holding, marque
`);

/** Last words of organisation names in other languages ("Deutsche Bank", "Air Group"). */
export const ORG_TAILS = set(
  `bank, group, holding, airlines, airways, corporation, corp, inc, ltd, motors, energies, international, foundation, institute, university, press, news, times, post`,
);

/** First words of events: a tour, a cup, a festival is not a person, an organisation or a place. */
export const EVENT_HEADS = set(
  `tour, coupe, championnat, jeux, festival, salon, grand prix, ligue, mondial, biennale, exposition, marathon, rallye, open, trophée`,
);

/** Lower-case words that continue an organisation name after its head ("Nations unies", "Banque mondiale"). */
export const ORG_LOWER_WORDS = set(`
  économique, économiques, islamique, islamiques, unies, uni, unis, mondiale, mondial, national, nationale, nationaux, international, internationale
  africaine, africain, européenne, européen, arabe, populaire, démocratique, républicain, républicaine, socialiste, communiste
  militaire, militaires, monétaire, supérieur, supérieure, constitutionnel, constitutionnelle, suprême, général, générale, fédéral, fédérale
  sécurité, défense, santé, paix, commerce, développement, réfugiés, transition, salut, sauvegarde, restauration, patrie, justice, travail
  intérieur, armées, affaires, étrangères, finances, économie, éducation, agriculture, environnement, culture, sports, jeunesse, communication
  alimentaire, atomique, olympique, nord, sud, ouest, est, centrale, central, ouest-africaine, ouest-africain, sahélienne, sahélien
  libre, libres, unifiée, unifié, révolutionnaire, patriotique, nationalistes, chrétienne, catholique, protestante, musulmane, humanitaire
  droits, l’homme, homme, femmes, enfants, médicale, scientifique, technique, technologique, pétrolière, minière, électorale, indépendante
`);

/** Words before a lone capitalised word that make it a place ("à Niamey", "près de Gao"). */
export const PLACE_PREPOSITIONS = set(
  `à, vers, depuis, près, environs, banlieue, capitale, ville, région, province, localité, village, commune, département, quartier, nord, sud, est, ouest, centre, périphérie, entre`,
);

/** First words of place names ("Lac Tchad", "Mont Cameroun", "Golfe de Guinée"). */
export const PLACE_HEADS = set(`
  lac, mont, monts, fleuve, rivière, golfe, mer, océan, île, îles, vallée, plateau, désert, massif, cap, baie, détroit, canal
  boulevard, rue, avenue, place, quartier, pont, port, aéroport, gare, forêt, parc, région, province, département, préfecture
  haut, haute, bas, basse, moyen, moyenne
`);

/** Regions, continents and areas that news names, in French (cities and provinces come from places.ts). */
export const REGIONS_FR: Record<string, string | null> = {
  Afrique: null,
  'Afrique de l’Ouest': null,
  'Afrique de l’Est': null,
  'Afrique du Nord': null,
  'Afrique centrale': null,
  'Afrique australe': null,
  'Afrique subsaharienne': null,
  Europe: null,
  Asie: null,
  Amérique: null,
  'Amérique latine': null,
  'Amérique du Nord': null,
  'Amérique du Sud': null,
  Océanie: null,
  'Moyen-Orient': null,
  'Proche-Orient': null,
  Maghreb: null,
  Sahel: null,
  Sahara: null,
  'Sahara occidental': null,
  'Liptako-Gourma': null,
  'Golfe de Guinée': null,
  'Lac Tchad': null,
  Alpes: null,
  Pyrénées: null,
  Vosges: null,
  Jura: null,
  Atlas: null,
  Himalaya: null,
  Andes: null,
  Rocheuses: null,
  Méditerranée: null,
  Atlantique: null,
  Pacifique: null,
  Caraïbes: null,
  Balkans: null,
  Caucase: null,
  Scandinavie: null,
  Azawad: 'ML',
  Kidal: 'ML',
  Gao: 'ML',
  Tombouctou: 'ML',
  Mopti: 'ML',
  Ménaka: 'ML',
  Ségou: 'ML',
  Tillabéri: 'NE',
  Agadez: 'NE',
  Diffa: 'NE',
  Zinder: 'NE',
  Tahoua: 'NE',
  Dori: 'BF',
  Djibo: 'BF',
  'Bobo-Dioulasso': 'BF',
  Kaya: 'BF',
  Fada: 'BF',
  Bretagne: 'FR',
  Normandie: 'FR',
  Alsace: 'FR',
  Provence: 'FR',
  Corse: 'FR',
  'Île-de-France': 'FR',
  Occitanie: 'FR',
  'Nouvelle-Aquitaine': 'FR',
  Auvergne: 'FR',
  Bourgogne: 'FR',
  Lorraine: 'FR',
  Picardie: 'FR',
  Savoie: 'FR',
  Québec: 'CA',
  Wallonie: 'BE',
  Flandre: 'BE',
  Cisjordanie: 'PS',
  Gaza: 'PS',
  Crimée: 'UA',
  Donbass: 'UA',
  Kurdistan: null,
  Darfour: 'SD',
};

/** Well-known organisations and their acronyms, written for this project (extend as needed). */
export const ORG_NAMES_FR = set(`
  Al-Qaïda, Al-Qaida, Al Qaïda, État islamique, Etat islamique, Daech, Daesh, Boko Haram, Wagner, Africa Corps, JNIM, GSIM, EIGS
  ONU, Nations unies, OTAN, UE, Union européenne, UA, Union africaine, Cédéao, Cedeao, FMI, Banque mondiale, OMS, Unicef, HCR, PAM, OIF
  Minusma, Barkhane, Serval, Takuba, Interpol, Unesco, OMC, OCDE, G5 Sahel, Uemoa, BCEAO, CEMAC, AFP, Reuters, RFI, France 24, TV5Monde
  Insee, Inserm, CNRS, Banque de France, Bpifrance, Jeune Afrique, Le Monde, Le Figaro, Libération, Médecins sans frontières, MSF, Amnesty International, Human Rights Watch, Croix-Rouge
  CICR, Élysée, Quai d’Orsay, Assemblée nationale, Sénat, Conseil constitutionnel, Conseil d’État, Cour pénale internationale, CPI
  Total, TotalEnergies, Orano, Areva, Airbus, Renault, Peugeot, Air France, SNCF, EDF, Orange, Bolloré, Google, Apple, Facebook, Meta
  PSG, OM, Olympique de Marseille, Paris Saint-Germain, CNSP, MPSR, CNRD, M5-RFP, CMA, FLA, Hamas, Hezbollah, Talibans
`);

/** Capitalised words that are never names on their own: function words at a sentence start, titles, generic nouns. */
export const NEVER_NAMES = set(`
  le, la, les, l, un, une, des, du, de, d, au, aux, à, en, dans, sur, sous, par, pour, avec, sans, selon, chez, entre, vers, depuis, pendant, avant, après, contre
  et, ou, mais, donc, or, ni, car, si, que, qui, quoi, dont, où, quand, comme, lorsque, puisque, alors, ainsi, aussi, encore, enfin, pourtant, cependant, toutefois
  il, elle, ils, elles, on, nous, vous, je, tu, ce, cet, cette, ces, c, ça, cela, ceci, celui, celle, ceux, celles, son, sa, ses, leur, leurs, notre, nos, votre, vos, mon, ma, mes
  tout, tous, toute, toutes, aucun, aucune, chaque, plusieurs, certains, certaines, autre, autres, même, mêmes, tel, telle, oui, non, ne, pas, plus, moins, très
  lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre
  état, états, etat, etats, république, gouvernement, président, présidente, ministre, premier, colonel, général, capitaine, monsieur, madame, m, mme, dr
  nord, sud, est, ouest, centre, ici, là, hier, aujourd’hui, demain, voici, voilà, photo, vidéo, source, lire, voir, partager, réagir, publicité
`);

/** Lower-case adjective endings that may continue an organisation name ("… économique", "… unies"). */
export const ADJECTIVE_ENDING =
  /(?:eur|eurs|rice|rices|ique|iques|aire|aires|ale|ales|al|aux|ienne|iennes|ien|iens|elle|elles|el|els|ée|ées|ies|ive|ives|if|ifs|aise|aises|ais|aine|aines|ain|ains|iste|istes)$/;
