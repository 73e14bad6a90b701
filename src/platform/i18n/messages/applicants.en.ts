// Messages of what applicants see around their application: files sent with a section, a closed
// call's apply page, the outcome on the application's page, its PDF, the officers' internal notes.
export const applicantsEn = {
  'applicants.file.add': 'Add a file',
  'applicants.file.savedWithSection': 'The file is attached when you save this section, with your answers.',
  'applicants.file.removeOnSave': 'Remove {name} when saving',
} as const;
