// Validation of XML against an XML Schema with libxml2 compiled to WebAssembly (libxml2-wasm): the same checks
// as `xmllint --schema`, offline, with no system library, on every Node the project runs on. Used to prove the
// SEPA files Octroi writes against the EPC's own schema, in the tests and before a file is handed out.
import { readFileSync } from 'node:fs';
import { XmlDocument, XmlLibError, XsdValidator, type ErrorDetail } from 'libxml2-wasm';

/** A schema or well-formedness error as libxml2 words it, with the line of the document it is on. */
export interface XsdProblem {
  line: number;
  message: string;
}

const PAIN_001_XSD = new URL('../../../reference-data/sepa/pain.001.001.09.xsd', import.meta.url);

function problems(details: readonly ErrorDetail[]): XsdProblem[] {
  return details.map((d) => ({ line: d.line, message: d.message.trim() }));
}

export type XsdValidate = (xml: string) => XsdProblem[];

/**
 * A validator for the schema at `url`, compiled once. It returns every problem libxml2 reports (a document
 * that is not well-formed is not validated further); an empty list means the document is valid. The compiled
 * schema lives as long as the process: validators are meant to be made once per schema.
 */
export function xsdValidator(url: URL): XsdValidate {
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(url), { url: url.href });
  const validator = XsdValidator.fromDoc(schemaDoc);
  schemaDoc.dispose(); // the compiled schema no longer needs its source tree
  return (xml) => {
    let doc: XmlDocument;
    try {
      doc = XmlDocument.fromString(xml);
    } catch (e) {
      if (e instanceof XmlLibError) return problems(e.details);
      throw e;
    }
    try {
      validator.validate(doc);
      return [];
    } catch (e) {
      if (e instanceof XmlLibError) return problems(e.details);
      throw e;
    } finally {
      doc.dispose();
    }
  };
}

let pain001: XsdValidate | null = null;

/** Problems of a pain.001.001.09 credit transfer file against the EPC schema (EPC132-08, 2023). */
export function validatePain001(xml: string): XsdProblem[] {
  pain001 ??= xsdValidator(PAIN_001_XSD);
  return pain001(xml);
}
