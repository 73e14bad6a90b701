// Reading a bank's debit notification, ISO 20022 camt.054 (BankToCustomerDebitCreditNotification), any version
// from .001.02 to .001.13: the transfers the bank booked from the funder's account, each named by the
// EndToEndId our pain.001 file gave it, and those that came back (a return, with its RtrInf). Parsed by
// libxml2 (WebAssembly) without network and without external entities; elements are found by local name so
// that the versions' namespaces all read alike.
import { ParseOption, XmlDocument, XmlLibError, type XmlNode } from 'libxml2-wasm';

/** One booked transfer of the notification. */
export interface BookedTransfer {
  endToEndId: string;
  amountCents: number;
  currency: string;
  /** DBIT: paid out of the account; CRDT: money coming in (a return credited back). */
  direction: 'DBIT' | 'CRDT';
  /** The transfer came back: a return (RtrInf) or a reversed entry. */
  returned: boolean;
  bookingDate: string | null;
}

export type Camt054Error = 'not-xml' | 'not-camt054' | 'no-transfers' | 'bad-amount';

const CAMT054 = /^urn:iso:std:iso:20022:tech:xsd:camt\.054\.001\.\d\d$/;
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

const el = (name: string) => `*[local-name()='${name}']`;
const text = (node: XmlNode, path: string) => node.get(path)?.content.trim() ?? null;

function cents(amount: string): number | null {
  if (!AMOUNT.test(amount)) return null;
  const [units, decimals = ''] = amount.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

/** The transfers a camt.054 file books, or why it cannot be read. Entries not booked (pending) are left out. */
export function parseCamt054(xml: string): { ok: true; value: BookedTransfer[] } | { ok: false; error: Camt054Error } {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml, {
      option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE,
    });
  } catch (e) {
    if (e instanceof XmlLibError) return { ok: false, error: 'not-xml' };
    throw e;
  }
  try {
    const root = doc.root;
    if (root.name !== 'Document' || !CAMT054.test(root.namespaceUri) || !root.get(el('BkToCstmrDbtCdtNtfctn')))
      return { ok: false, error: 'not-camt054' };
    const transfers: BookedTransfer[] = [];
    for (const entry of root.find(`//${el('Ntfctn')}/${el('Ntry')}`)) {
      const status = (entry.get(el('Sts'))?.content ?? '').trim();
      if (status !== 'BOOK') continue;
      const direction = text(entry, el('CdtDbtInd'));
      const reversed = text(entry, el('RvslInd')) === 'true';
      const bookingDate = text(entry, `${el('BookgDt')}/${el('Dt')}`) ?? text(entry, `${el('BookgDt')}/${el('DtTm')}`);
      for (const tx of entry.find(`${el('NtryDtls')}/${el('TxDtls')}`)) {
        const endToEndId = text(tx, `${el('Refs')}/${el('EndToEndId')}`);
        if (!endToEndId || endToEndId === 'NOTPROVIDED') continue;
        const amount =
          tx.get(el('Amt')) ?? tx.get(`${el('AmtDtls')}/${el('TxAmt')}/${el('Amt')}`) ?? entry.get(el('Amt'));
        const value = amount ? cents(amount.content.trim()) : null;
        if (value === null) return { ok: false, error: 'bad-amount' };
        const currency = amount?.get('@Ccy')?.content ?? 'EUR';
        transfers.push({
          endToEndId,
          amountCents: value,
          currency,
          direction: direction === 'CRDT' ? 'CRDT' : 'DBIT',
          returned: reversed || tx.get(el('RtrInf')) !== null,
          bookingDate,
        });
      }
    }
    if (!transfers.length) return { ok: false, error: 'no-transfers' };
    return { ok: true, value: transfers };
  } finally {
    doc.dispose();
  }
}
