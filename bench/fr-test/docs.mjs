// A held-out French set: original texts written for this project after the extractor was tuned on
// bench/fr-dev, and scored without further tuning. Same format as bench/fr-dev/docs.mjs.
export const DOCS = [
  {
    id: 'frt-01-benin-niger-frontiere',
    dct: '2024-06-20',
    text: `Le Bénin a accepté mercredi de rouvrir sa frontière avec le Niger, fermée depuis le coup d’État de juillet 2023. Le porte-parole du gouvernement béninois, Wilfried Léandre Houngbédji, a annoncé la nouvelle à Cotonou.

Le pétrole nigérien exporté par l’oléoduc de la China National Petroleum Corporation reste toutefois bloqué au port de Sèmè. Le Premier ministre nigérien, Ali Mahaman Lamine Zeine, avait accusé Porto-Novo de mauvaise foi le mois dernier.`,
    people: ['Wilfried Léandre Houngbédji', 'Ali Mahaman Lamine Zeine'],
    organizations: ['China National Petroleum Corporation'],
    places: ['Bénin', 'Niger', 'Cotonou', 'Sèmè', 'Porto-Novo'],
    dates: [
      ['mercredi', '2024-06-19'],
      ['juillet 2023', '2023-07'],
      ['le mois dernier', '2024-05'],
    ],
  },
  {
    id: 'frt-02-roland-garros',
    dct: '2024-06-10',
    text: `L’Espagnol Carlos Alcaraz a remporté dimanche son premier titre à Roland-Garros en battant l’Allemand Alexander Zverev en cinq sets. À 21 ans, il devient le plus jeune joueur à gagner sur les trois surfaces.

Chez les femmes, la Polonaise Iga Świątek s’est imposée samedi face à l’Italienne Jasmine Paolini. La Fédération française de tennis a annoncé que le tournoi avait attiré un record de 675 000 spectateurs.`,
    people: ['Carlos Alcaraz', 'Alexander Zverev', 'Iga Świątek', 'Jasmine Paolini'],
    organizations: ['Fédération française de tennis'],
    places: [],
    dates: [
      ['dimanche', '2024-06-09'],
      ['samedi', '2024-06-08'],
    ],
  },
  {
    id: 'frt-03-cameroun-anglophone',
    dct: '2023-12-05',
    text: `Au moins huit civils ont été tués lundi dans une attaque attribuée à des séparatistes dans la région du Nord-Ouest, au Cameroun. Selon le gouverneur Adolphe Lele L’Afrique, les assaillants ont incendié plusieurs maisons du village d’Egbekaw.

Le conflit dans les régions anglophones a fait plus de 6 000 morts depuis 2017, selon l’International Crisis Group. Le président Paul Biya, au pouvoir depuis 1982, refuse toute négociation avec les groupes armés.`,
    people: ['Adolphe Lele L’Afrique', 'Paul Biya'],
    organizations: ['International Crisis Group'],
    places: ['Nord-Ouest', 'Cameroun', 'Egbekaw'],
    dates: [
      ['lundi', '2023-12-04'],
      ['2017', '2017'],
      ['1982', '1982'],
    ],
  },
  {
    id: 'frt-04-nouvelle-caledonie',
    dct: '2024-05-17',
    text: `L’état d’urgence a été décrété jeudi en Nouvelle-Calédonie après trois nuits d’émeutes à Nouméa. Le ministre de l’Intérieur, Gérald Darmanin, a annoncé l’envoi de 1 000 policiers et gendarmes supplémentaires.

Les violences ont éclaté lundi, lorsque l’Assemblée nationale a examiné une réforme du corps électoral contestée par le Front de libération nationale kanak et socialiste (FLNKS). Le président Emmanuel Macron a réuni un conseil de défense à l’Élysée.`,
    people: ['Gérald Darmanin', 'Emmanuel Macron'],
    organizations: ['Assemblée nationale', 'Front de libération nationale kanak et socialiste', 'FLNKS', 'Élysée'],
    places: ['Nouvelle-Calédonie', 'Nouméa'],
    dates: [
      ['jeudi', '2024-05-16'],
      ['lundi', '2024-05-13'],
    ],
  },
  {
    id: 'frt-05-madagascar-vanille',
    dct: '2023-04-14',
    text: `Les exportations de vanille de Madagascar ont chuté de 30 % au premier trimestre, selon la Banque centrale de Madagascar. Dans la région de la Sava, premier bassin de production, de nombreux planteurs peinent à vendre leur récolte.

Le ministre du Commerce, Edgard Razafindravahy, a promis vendredi dernier de revoir le prix plancher fixé en 2020. Des acheteurs américains et français se sont tournés vers l’Ouganda et l’Indonésie.`,
    people: ['Edgard Razafindravahy'],
    organizations: ['Banque centrale de Madagascar'],
    places: ['Madagascar', 'Sava', 'Ouganda', 'Indonésie'],
    dates: [
      ['premier trimestre', '2023-Q1'],
      ['vendredi dernier', '2023-04-07'],
      ['2020', '2020'],
    ],
  },
  {
    id: 'frt-06-suisse-votation',
    dct: '2024-03-04',
    text: `Les Suisses ont approuvé dimanche, à 58 %, l’initiative populaire pour une treizième rente AVS, une première pour un texte venu de la gauche et des syndicats. L’Union syndicale suisse a salué « un jour historique ».

Le Conseil fédéral, qui s’était opposé au projet, devra trouver quatre milliards de francs par an. À Berne, la ministre de l’Intérieur, Elisabeth Baume-Schneider, a promis un financement d’ici à 2026.`,
    people: ['Elisabeth Baume-Schneider'],
    organizations: ['AVS', 'Union syndicale suisse', 'Conseil fédéral'],
    places: ['Berne'],
    dates: [
      ['dimanche', '2024-03-03'],
      ['2026', '2026'],
    ],
  },
  {
    id: 'frt-07-gabon-transition',
    dct: '2023-09-05',
    text: `Le général Brice Clotaire Oligui Nguema a prêté serment lundi à Libreville comme président de la transition du Gabon, six jours après avoir renversé Ali Bongo Ondimba. Il a promis des élections « libres et transparentes », sans en fixer la date.

La Communauté économique des États de l’Afrique centrale (CEEAC) a suspendu le pays. Le groupe minier français Eramet, qui exploite le manganèse à Moanda, a repris ses activités la semaine dernière.`,
    people: ['Brice Clotaire Oligui Nguema', 'Ali Bongo Ondimba'],
    organizations: ['Communauté économique des États de l’Afrique centrale', 'CEEAC', 'Eramet'],
    places: ['Libreville', 'Gabon', 'Moanda'],
    dates: [
      ['lundi', '2023-09-04'],
      ['la semaine dernière', '2023-W35'],
    ],
  },
  {
    id: 'frt-08-montreal-metro',
    dct: '2024-11-22',
    text: `La Société de transport de Montréal (STM) a annoncé jeudi la fermeture de trois stations de la ligne orange pendant l’été prochain, pour des travaux de rénovation. Sa présidente, Éric Alan Caldwell, a présenté des excuses aux usagers.

La mairesse Valérie Plante a défendu ce chantier, financé en partie par le gouvernement du Québec. L’an dernier, le métro avait connu une panne géante le 12 décembre.`,
    people: ['Éric Alan Caldwell', 'Valérie Plante'],
    organizations: ['Société de transport de Montréal', 'STM'],
    places: ['Québec'],
    dates: [
      ['jeudi', '2024-11-21'],
      ['l’été prochain', '2025-SU'],
      ['L’an dernier', '2023'],
      ['12 décembre', '2023-12-12'],
    ],
  },
  {
    id: 'frt-09-togo-constitution',
    dct: '2024-04-22',
    text: `Les députés togolais ont adopté vendredi soir une nouvelle Constitution qui fait passer le pays à un régime parlementaire. L’opposition accuse le président Faure Gnassingbé de vouloir se maintenir au pouvoir après 2025.

Des manifestations prévues samedi à Lomé ont été interdites. Brigitte Adjamagbo-Johnson, coordinatrice de la Dynamique pour la majorité du peuple (DMP), dénonce « un coup d’État constitutionnel ».`,
    people: ['Faure Gnassingbé', 'Brigitte Adjamagbo-Johnson'],
    organizations: ['Dynamique pour la majorité du peuple', 'DMP'],
    places: ['Lomé'],
    dates: [
      ['vendredi soir', '2024-04-19'],
      ['2025', '2025'],
      ['samedi', '2024-04-20'],
    ],
  },
  {
    id: 'frt-10-orano-niger',
    dct: '2024-06-21',
    text: `Le groupe nucléaire Orano a perdu jeudi son permis d’exploitation de la mine d’uranium d’Imouraren, dans le nord du Niger. Les autorités de Niamey reprochent à l’entreprise française de ne pas avoir lancé les travaux.

Orano, détenu en majorité par l’État français, exploite encore la Somaïr, près d’Arlit. Son directeur général, Nicolas Maes, s’est dit « surpris » par cette décision, prise un an après le coup d’État.`,
    people: ['Nicolas Maes'],
    organizations: ['Orano', 'Somaïr'],
    places: ['Imouraren', 'Niger', 'Niamey', 'Arlit'],
    dates: [['jeudi', '2024-06-20']],
  },
];
