// Hand-picked names and words for the seeded data. Everything else is drawn
// from these with the seeded generator.

// [name, title, country, time zone, kind, status]
export const PEOPLE = [
  ['Avery Stone', 'Head of Operations', 'US', 'America/New_York', 'admin', 'ACTIVE'],
  ['Jordan Lee', 'Project Manager', 'US', 'America/Los_Angeles', 'member', 'ACTIVE'],
  ['Priya Natarajan', 'Engineering Lead', 'IN', 'Asia/Kolkata', 'member', 'ACTIVE'],
  ['Marcus Olsen', 'CFO', 'NO', 'Europe/Oslo', 'admin', 'ACTIVE'],
  ['Zoë Çelik', 'Designer', 'TR', 'Europe/Istanbul', 'member', 'ACTIVE'],
  ['李雷', 'Backend Engineer', 'CN', 'Asia/Shanghai', 'member', 'ACTIVE'],
  ['Sofia Rossi', 'Account Executive', 'IT', 'Europe/Rome', 'member', 'ACTIVE'],
  ['Daniel Okafor', 'QA Engineer', 'NG', 'Africa/Lagos', 'member', 'ACTIVE'],
  ['Hannah Müller', 'Marketing Manager', 'DE', 'Europe/Berlin', 'member', 'ACTIVE'],
  ['Mateo García', 'Sales Representative', 'ES', 'Europe/Madrid', 'member', 'ACTIVE'],
  ['Aisha Khan', 'Recruiter', 'GB', 'Europe/London', 'member', 'ACTIVE'],
  ['Lucas Martin', 'Frontend Engineer', 'FR', 'Europe/Paris', 'member', 'ACTIVE'],
  ['Emma Johansson', 'Product Owner', 'SE', 'Europe/Stockholm', 'member', 'ACTIVE'],
  ['Kenji Watanabe', 'DevOps Engineer', 'JP', 'Asia/Tokyo', 'member', 'ACTIVE'],
  ['Olivia Brown', 'Customer Success', 'AU', 'Australia/Sydney', 'member', 'ACTIVE'],
  ['Noah Wilson', 'Data Analyst', 'CA', 'America/Toronto', 'view_only', 'ACTIVE'],
  ['Chloé Dubois', 'Content Writer', 'FR', 'Europe/Paris', 'member', 'ACTIVE'],
  ['Rafael Costa', 'External Consultant', 'BR', 'America/Sao_Paulo', 'guest', 'ACTIVE'],
  ['Grace Kim', 'Intern', 'KR', 'Asia/Seoul', 'member', 'PENDING'],
  ['Tom Becker', 'Former Engineer', 'DE', 'Europe/Berlin', 'member', 'INACTIVE'],
];

export const UTC_OFFSETS = {
  'America/New_York': -5, 'America/Los_Angeles': -8, 'Asia/Kolkata': 5.5, 'Europe/Oslo': 1,
  'Europe/Istanbul': 3, 'Asia/Shanghai': 8, 'Europe/Rome': 1, 'Africa/Lagos': 1, 'Europe/Berlin': 1,
  'Europe/Madrid': 1, 'Europe/London': 0, 'Europe/Paris': 1, 'Europe/Stockholm': 1, 'Asia/Tokyo': 9,
  'Australia/Sydney': 11, 'America/Toronto': -5, 'America/Sao_Paulo': -3, 'Asia/Seoul': 9,
};

export const COUNTRIES = [
  ['US', 'United States'], ['GB', 'United Kingdom'], ['DE', 'Germany'], ['FR', 'France'], ['IL', 'Israel'],
  ['JP', 'Japan'], ['BR', 'Brazil'], ['IN', 'India'], ['CA', 'Canada'], ['TR', 'Turkey'], ['ES', 'Spain'],
];

export const PLACES = [
  ['40.7127753', '-74.0059728', 'New York, NY, USA', 'New York', 'NY', 'United States', 'US'],
  ['51.5072178', '-0.1275862', 'London, UK', 'London', 'London', 'United Kingdom', 'GB'],
  ['32.0852999', '34.7817676', 'Tel Aviv-Yafo, Israel', 'Tel Aviv-Yafo', 'TLV', 'Israel', 'IL'],
  ['48.856614', '2.3522219', 'Paris, France', 'Paris', 'Paris', 'France', 'FR'],
  ['35.6761919', '139.6503106', 'Tokyo, Japan', 'Tokyo', 'Tokyo', 'Japan', 'JP'],
  ['52.5200066', '13.404954', 'Berlin, Germany', 'Berlin', 'Berlin', 'Germany', 'DE'],
  ['-23.5557714', '-46.6395571', 'São Paulo, Brazil', 'São Paulo', 'SP', 'Brazil', 'BR'],
];

export const TIME_ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Asia/Jerusalem', 'UTC'];

export const TAGS = [
  ['urgent', '#e2445c'], ['backend', '#579bfc'], ['frontend', '#a25ddc'], ['q3-goals', '#00c875'],
  ['customer', '#fdab3d'], ['design', '#ff158a'], ['infra', '#037f4c'], ['ux', '#9d99b9'],
];

export const TEAMS = [
  ['Engineering', [3, 6, 8, 12, 14, 20], [3]],
  ['Sales', [7, 10, 15], [7]],
  ['Marketing', [9, 17, 5], [9]],
  ['Leadership', [1, 4, 13], [1]],
];

export const VERBS = ['Draft', 'Review', 'Update', 'Fix', 'Design', 'Plan', 'Ship', 'Test', 'Migrate', 'Document', 'Audit', 'Refactor'];
export const NOUNS = [
  'onboarding flow', 'billing page', 'API client', 'pricing model', 'release notes', 'login screen', 'data export',
  'search index', 'dashboard widgets', 'email templates', 'mobile layout', 'SSO settings', 'audit report',
  'payment retries', 'webhook handler', 'CSV import', 'permissions model', 'status emails', 'cache layer',
];
export const COMPANIES = [
  'Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods', 'Hooli', 'Vandelay Imports',
  'Soylent Labs', 'Tyrell Systems', 'Cyberdyne Retail', 'Wonka Sweets', 'Aperture Science', 'Oscorp', 'Monsters Inc',
  'Gringotts Bank', 'Nakatomi Trading', 'Pied Piper', 'Massive Dynamic', 'Dunder Mifflin',
];
export const WORDS = [
  'alpha', 'budget', 'client', 'deadline', 'estimate', 'feedback', 'growth', 'handoff', 'insight', 'journey',
  'kickoff', 'launch', 'milestone', 'network', 'outline', 'priority', 'quality', 'roadmap', 'scope', 'timeline',
];
export const NON_ASCII_ITEMS = [
  'Café-Menü überarbeiten', 'Crème brûlée Rezept', 'Łódź Lieferant anrufen', 'Ñandú Logo', 'Zürich Büro einrichten',
  'Ärger mit Drucker', 'Smørrebrød Bestellung', 'Überstunden erfassen', '東京 Messe planen', 'Ça va? Umfrage',
  'Straße sperren 🚧', 'Ελληνικά Übersetzung', 'Résumé prüfen', 'Piñata für Sommerfest', 'Garçon Schichtplan',
];
