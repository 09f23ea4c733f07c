// The French development set: original texts written for this project (no copied news), with their
// gold people, organizations, places (countries included, every surface form as written) and dates
// (surface text and ISO value against the publication date `dct`). build.mjs turns this file into
// ner.jsonl and dates.jsonl in the shared scorer's record formats.
export const DOCS = [
  {
    id: 'fr-01-sommet-niamey',
    dct: '2024-07-08',
    text: `Les dirigeants du Mali, du Burkina Faso et du Niger se sont retrouvés samedi à Niamey pour leur premier sommet commun. Le général Abdourahamane Tiani a accueilli ses homologues à l’aéroport Diori-Hamani.

Selon un communiqué de la présidence nigérienne, les trois pays veulent créer une banque commune avant la fin de l’année. La Communauté économique des États de l’Afrique de l’Ouest (Cédéao), réunie dimanche à Abuja, a regretté cette décision. Son président, Bola Tinubu, a appelé au dialogue.`,
    people: ['Abdourahamane Tiani', 'Bola Tinubu'],
    organizations: ['Communauté économique des États de l’Afrique de l’Ouest', 'Cédéao'],
    places: ['Mali', 'Burkina Faso', 'Niger', 'Niamey', 'Abuja', 'Diori-Hamani'],
    dates: [
      ['samedi', '2024-07-06'],
      ['dimanche', '2024-07-07'],
      ['la fin de l’année', '2024'],
    ],
  },
  {
    id: 'fr-02-tour-de-france',
    dct: '2024-07-15',
    text: `Le Slovène Tadej Pogačar a remporté dimanche la quinzième étape du Tour de France, entre Loudenvielle et le Plateau de Beille. Le coureur de l’équipe UAE Emirates a devancé le Danois Jonas Vingegaard de plus d’une minute.

« Je me sentais très bien dans la dernière montée », a expliqué Pogačar à l’arrivée. Le Belge Remco Evenepoel, troisième du classement général, reste à distance. Lundi, les coureurs profiteront d’une journée de repos à Gruissan.`,
    people: ['Tadej Pogačar', 'Pogačar', 'Jonas Vingegaard', 'Remco Evenepoel'],
    organizations: ['UAE Emirates'],
    places: ['Loudenvielle', 'Plateau de Beille', 'Gruissan'],
    dates: [
      ['dimanche', '2024-07-14'],
      ['Lundi', '2024-07-15'],
    ],
  },
  {
    id: 'fr-03-banque-centrale',
    dct: '2023-10-20',
    text: `La Banque centrale européenne (BCE) a laissé jeudi ses taux directeurs inchangés, une première depuis juillet 2022. Sa présidente, Christine Lagarde, a jugé que l’inflation restait « trop élevée » dans la zone euro.

À Francfort, les économistes de la Deutsche Bank s’attendent à une baisse des taux au printemps prochain. En France, le ministre de l’Économie, Bruno Le Maire, a salué une décision « sage ». L’Insee publiera ses chiffres de croissance le 31 octobre.`,
    people: ['Christine Lagarde', 'Bruno Le Maire'],
    organizations: ['Banque centrale européenne', 'BCE', 'Deutsche Bank', 'Insee'],
    places: ['Francfort', 'France'],
    dates: [
      ['jeudi', '2023-10-19'],
      ['juillet 2022', '2022-07'],
      ['printemps prochain', '2024-SP'],
      ['31 octobre', '2023-10-31'],
    ],
  },
  {
    id: 'fr-04-quebec-feux',
    dct: '2023-06-12',
    text: `Plus de 400 feux de forêt sont toujours actifs au Canada, dont une centaine au Québec. Le premier ministre québécois, François Legault, s’est rendu vendredi à Chibougamau, où 7500 habitants ont dû quitter leur domicile.

La Société de protection des forêts contre le feu (SOPFEU) redoute le retour de la chaleur la semaine prochaine. Des pompiers venus de France et du Portugal sont arrivés à Montréal il y a trois jours.`,
    people: ['François Legault'],
    organizations: ['Société de protection des forêts contre le feu', 'SOPFEU'],
    places: ['Canada', 'Québec', 'Chibougamau', 'France', 'Portugal', 'Montréal'],
    dates: [
      ['vendredi', '2023-06-09'],
      ['la semaine prochaine', '2023-W25'],
      ['il y a trois jours', '2023-06-09'],
    ],
  },
  {
    id: 'fr-05-senegal-election',
    dct: '2024-03-26',
    text: `Bassirou Diomaye Faye a été élu président du Sénégal dès le premier tour, selon les résultats provisoires publiés mardi. Le candidat du parti Pastef, libéré de prison il y a dix jours avec Ousmane Sonko, a obtenu plus de 54 % des voix.

Son principal adversaire, Amadou Ba, a reconnu sa défaite lundi soir. L’Union africaine et la Cédéao ont félicité le vainqueur. À Dakar, des milliers de partisans ont fêté la victoire jusqu’au matin.`,
    people: ['Bassirou Diomaye Faye', 'Ousmane Sonko', 'Amadou Ba'],
    organizations: ['Pastef', 'Union africaine', 'Cédéao'],
    places: ['Sénégal', 'Dakar'],
    dates: [
      ['mardi', '2024-03-26'],
      ['il y a dix jours', '2024-03-16'],
      ['lundi soir', '2024-03-25'],
    ],
  },
  {
    id: 'fr-06-greve-sncf',
    dct: '2024-02-16',
    text: `Les contrôleurs de la SNCF ont entamé vendredi une grève qui devrait perturber les départs en vacances d’hiver. Selon la direction, un TGV sur deux circulera samedi et dimanche.

Le syndicat SUD-Rail réclame une hausse des primes. Le ministre délégué aux Transports, Patrice Vergriete, a dénoncé un mouvement « inacceptable ». À la gare de Lyon, à Paris, de nombreux voyageurs ont dû renoncer à partir vers les Alpes.`,
    people: ['Patrice Vergriete'],
    organizations: ['SNCF', 'SUD-Rail'],
    places: ['Paris', 'Alpes', 'gare de Lyon'],
    dates: [
      ['vendredi', '2024-02-16'],
      ['samedi', '2024-02-17'],
      ['dimanche', '2024-02-18'],
    ],
  },
  {
    id: 'fr-07-rdc-est',
    dct: '2024-01-30',
    text: `De violents combats ont opposé lundi l’armée congolaise aux rebelles du M23 près de Sake, à une vingtaine de kilomètres de Goma. Le président Félix Tshisekedi accuse le Rwanda de soutenir les rebelles, ce que Kigali dément.

La Mission de l’Organisation des Nations unies pour la stabilisation en RDC (Monusco) a dit craindre un nouvel exode. Depuis novembre 2021, plus d’un million de personnes ont fui la province du Nord-Kivu, selon le Haut-Commissariat des Nations unies pour les réfugiés.`,
    people: ['Félix Tshisekedi'],
    organizations: [
      'M23',
      'Mission de l’Organisation des Nations unies pour la stabilisation en RDC',
      'Monusco',
      'Haut-Commissariat des Nations unies pour les réfugiés',
    ],
    places: ['Sake', 'Goma', 'Rwanda', 'Kigali', 'RDC', 'Nord-Kivu'],
    dates: [
      ['lundi', '2024-01-29'],
      ['novembre 2021', '2021-11'],
    ],
  },
  {
    id: 'fr-08-musee-louvre',
    dct: '2023-11-03',
    text: `Le musée du Louvre a accueilli près de 9 millions de visiteurs l’an dernier, a annoncé jeudi sa présidente-directrice, Laurence des Cars. Elle souhaite limiter la fréquentation à 30 000 personnes par jour.

Un nouvel espace consacré aux arts de Byzance ouvrira en 2025. Le ministère de la Culture soutient le projet, qui sera financé en partie par la Fondation Gulbenkian, basée à Lisbonne.`,
    people: ['Laurence des Cars'],
    organizations: ['musée du Louvre', 'ministère de la Culture', 'Fondation Gulbenkian'],
    places: ['Byzance', 'Lisbonne'],
    dates: [
      ['l’an dernier', '2022'],
      ['jeudi', '2023-11-02'],
      ['2025', '2025'],
    ],
  },
  {
    id: 'fr-09-maroc-seisme',
    dct: '2023-09-11',
    text: `Le bilan du séisme qui a frappé vendredi soir le Haut Atlas marocain dépasse désormais 2 800 morts. Le roi Mohammed VI a décrété trois jours de deuil national.

Les secours peinent à atteindre les villages de la province d’Al Haouz, au sud de Marrakech. L’Espagne, le Royaume-Uni et le Qatar ont envoyé des équipes de sauveteurs. L’Organisation mondiale de la santé (OMS) estime que 300 000 personnes sont touchées.`,
    people: ['Mohammed VI'],
    organizations: ['Organisation mondiale de la santé', 'OMS'],
    places: ['Haut Atlas', 'Al Haouz', 'Marrakech', 'Espagne', 'Royaume-Uni', 'Qatar'],
    dates: [['vendredi soir', '2023-09-08']],
  },
  {
    id: 'fr-10-ivoire-can',
    dct: '2024-02-12',
    text: `La Côte d’Ivoire a remporté dimanche la Coupe d’Afrique des nations en battant le Nigeria 2-1 à Abidjan. Sébastien Haller a marqué le but de la victoire à la 81e minute.

Les Éléphants, presque éliminés au premier tour, ont changé d’entraîneur en janvier : Emerse Faé a remplacé Jean-Louis Gasset. Le président Alassane Ouattara a offert une villa à chaque joueur. Il y a deux ans, le Sénégal avait gagné le trophée au Cameroun.`,
    people: ['Sébastien Haller', 'Emerse Faé', 'Jean-Louis Gasset', 'Alassane Ouattara'],
    organizations: ['Éléphants'],
    places: ['Côte d’Ivoire', 'Nigeria', 'Abidjan', 'Sénégal', 'Cameroun'],
    dates: [
      ['dimanche', '2024-02-11'],
      ['janvier', '2024-01'],
      ['Il y a deux ans', '2022'],
    ],
  },
  {
    id: 'fr-11-belgique-gouvernement',
    dct: '2024-06-10',
    text: `Le Premier ministre belge, Alexander De Croo, a présenté dimanche soir la démission de son gouvernement au roi Philippe, après la lourde défaite de son parti, l’Open VLD, aux élections fédérales.

La N-VA de Bart De Wever arrive en tête en Flandre, tandis que le Mouvement réformateur (MR) progresse nettement en Wallonie. Les négociations pour former une coalition pourraient durer des mois ; en 2020, il avait fallu près de 500 jours.`,
    people: ['Alexander De Croo', 'Philippe', 'Bart De Wever'],
    organizations: ['Open VLD', 'N-VA', 'Mouvement réformateur', 'MR'],
    places: ['Flandre', 'Wallonie'],
    dates: [
      ['dimanche soir', '2024-06-09'],
      ['2020', '2020'],
    ],
  },
  {
    id: 'fr-12-airbus-commandes',
    dct: '2024-01-12',
    text: `Airbus a livré 735 avions l’an dernier, dépassant son objectif, a annoncé jeudi le constructeur européen à Toulouse. Son directeur général, Guillaume Faury, prévoit une nouvelle hausse en 2024.

Le groupe a reçu plus de 2 000 commandes, un record. La compagnie indienne IndiGo a commandé 500 appareils de la famille A320 en juin. Boeing, son concurrent américain, reste pénalisé par les problèmes du 737 MAX.`,
    people: ['Guillaume Faury'],
    organizations: ['Airbus', 'IndiGo', 'Boeing'],
    places: ['Toulouse'],
    dates: [
      ['l’an dernier', '2023'],
      ['jeudi', '2024-01-11'],
      ['2024', '2024'],
      ['juin', '2023-06'],
    ],
  },
  {
    id: 'fr-13-tchad-election',
    dct: '2024-05-10',
    text: `Mahamat Idriss Déby a été déclaré jeudi vainqueur de l’élection présidentielle au Tchad avec 61 % des voix, selon l’Agence nationale de gestion des élections (ANGE). Son Premier ministre, Succès Masra, arrivé deuxième, conteste ces résultats.

Le fils d’Idriss Déby Itno dirige le pays depuis la mort de son père en avril 2021. À N’Djamena, des tirs de joie ont fait plusieurs blessés. La France, qui maintient un millier de soldats dans le pays, a pris acte du scrutin.`,
    people: ['Mahamat Idriss Déby', 'Succès Masra', 'Idriss Déby Itno'],
    organizations: ['Agence nationale de gestion des élections', 'ANGE'],
    places: ['Tchad', 'N’Djamena', 'France'],
    dates: [
      ['jeudi', '2024-05-09'],
      ['avril 2021', '2021-04'],
    ],
  },
  {
    id: 'fr-14-suisse-glaciers',
    dct: '2023-09-28',
    text: `Les glaciers suisses ont perdu 4 % de leur volume cette année, après une perte record de 6 % en 2022, selon l’Académie suisse des sciences naturelles. Matthias Huss, qui dirige le réseau de surveillance Glamos, parle d’un « été catastrophique ».

Dans le canton du Valais, le glacier du Rhône recule de plusieurs mètres chaque année. L’École polytechnique fédérale de Zurich (EPFZ) prévoit la disparition de la plupart des glaciers des Alpes d’ici la fin du siècle.`,
    people: ['Matthias Huss'],
    organizations: ['Académie suisse des sciences naturelles', 'Glamos', 'École polytechnique fédérale de Zurich', 'EPFZ'],
    places: ['Valais', 'glacier du Rhône', 'Alpes'],
    dates: [
      ['cette année', '2023'],
      ['2022', '2022'],
    ],
  },
  {
    id: 'fr-15-haiti-kenya',
    dct: '2024-06-26',
    text: `Un premier contingent de 400 policiers kényans est arrivé mardi à Port-au-Prince, en Haïti, pour aider à combattre les gangs. La mission, approuvée par le Conseil de sécurité de l’ONU en octobre dernier, est financée surtout par les États-Unis.

Le Premier ministre haïtien, Garry Conille, a remercié le président kényan William Ruto. Le chef de gang Jimmy Chérizier, dit Barbecue, a menacé de combattre les policiers étrangers.`,
    people: ['Garry Conille', 'William Ruto', 'Jimmy Chérizier', 'Barbecue'],
    organizations: ['Conseil de sécurité', 'ONU'],
    places: ['Port-au-Prince', 'Haïti', 'États-Unis'],
    dates: [
      ['mardi', '2024-06-25'],
      ['octobre dernier', '2023-10'],
    ],
  },
  {
    id: 'fr-16-tunisie-migrants',
    dct: '2023-07-17',
    text: `L’Union européenne et la Tunisie ont signé dimanche à Tunis un accord de partenariat qui prévoit une aide de 105 millions d’euros pour lutter contre l’immigration irrégulière. La présidente de la Commission européenne, Ursula von der Leyen, était accompagnée de Giorgia Meloni et de Mark Rutte.

Le président tunisien, Kaïs Saïed, a répété que son pays ne serait pas « le garde-frontière de l’Europe ». Depuis janvier, plus de 75 000 migrants sont arrivés en Italie par la mer, selon le ministère italien de l’Intérieur.`,
    people: ['Ursula von der Leyen', 'Giorgia Meloni', 'Mark Rutte', 'Kaïs Saïed'],
    organizations: ['Union européenne', 'Commission européenne', 'ministère italien de l’Intérieur'],
    places: ['Tunisie', 'Tunis', 'Europe', 'Italie'],
    dates: [
      ['dimanche', '2023-07-16'],
      ['janvier', '2023-01'],
    ],
  },
  {
    id: 'fr-17-guinee-proces',
    dct: '2024-08-01',
    text: `L’ancien chef de la junte guinéenne, Moussa Dadis Camara, a été condamné mercredi à vingt ans de prison pour crimes contre l’humanité. Le tribunal criminel de Dixinn, à Conakry, l’a reconnu responsable du massacre du stade du 28-Septembre, en 2009.

L’ONG Human Rights Watch a salué « un verdict historique ». Le procès s’était ouvert en septembre 2022 en présence de l’actuel président de la transition, le colonel Mamadi Doumbouya.`,
    people: ['Moussa Dadis Camara', 'Mamadi Doumbouya'],
    organizations: ['tribunal criminel de Dixinn', 'Human Rights Watch'],
    places: ['Conakry', 'stade du 28-Septembre'],
    dates: [
      ['mercredi', '2024-07-31'],
      ['2009', '2009'],
      ['septembre 2022', '2022-09'],
    ],
  },
];
