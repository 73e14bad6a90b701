/** Small real files for upload tests: what matters is their content, not their name. */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows executable's header: refused whatever name it is given. */
export const SAMPLE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

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
