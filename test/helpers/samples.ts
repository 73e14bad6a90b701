/** Small real files for upload tests: what matters is their content, not their name. */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG: an image anyone's checker reads as one. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** A Windows executable's header: refused whatever name it is given. */
export const SAMPLE_EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);

export const VALID_ORGANISATION = {
  name: 'Les Amis du Clavier',
  legalForm: 'asbl',
  enterpriseNumber: '0403.019.261',
  street: 'Rue Royale 1',
  postalCode: '1030',
  city: 'Schaerbeek',
  iban: 'BE68 5390 0754 7034',
  accountHolder: 'Les Amis du Clavier ASBL',
  contactName: 'Marie Dupont',
  contactEmail: 'marie@example.org',
  contactPhone: '',
  website: 'https://clavier.example.org',
};

/** The standard form's two sections (src/domain/forms/template.ts), answered completely, as a browser posts them. */
export const STANDARD_PROJECT = {
  'a.summary': 'Des ateliers numériques pour les seniors de Schaerbeek, deux fois par semaine.',
  'a.communes': ['21015', '21004'],
  'a.publics': 'seniors',
  'a.participants.seniors': '120',
  'a.digcomp': ['1', '2'],
};
export const STANDARD_BUDGET = {
  'a.budget.line.0.category': 'staff',
  'a.budget.line.0.label': 'Animateur',
  'a.budget.line.0.amount': '40.000,00',
  'a.budget.line.1.category': 'equipment',
  'a.budget.line.1.label': 'Tablettes',
  'a.budget.line.1.amount': '10 000',
  'a.budget.requested': '40 000',
  'a.budget.other.0.source': 'Commune',
  'a.budget.other.0.amount': '10000',
};
