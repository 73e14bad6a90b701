// A bank's debit notification (camt.054.001.08) as Belgian banks send it after executing a pain.001 file: one
// batch-booked entry for the file's transfers, one transaction detail per transfer with its EndToEndId, and,
// for a transfer that came back, a credit entry with its return information (reason AC04: account closed).

export interface NotifiedTransfer {
  endToEndId: string;
  amountCents: number;
  /** The transfer came back after booking (a return credited to the funder's account). */
  returned?: boolean;
}

const amount = (cents: number) => (cents / 100).toFixed(2);

export function camt054Xml(opts: {
  messageId: string;
  debtorIban: string;
  bookingDate: string;
  transfers: readonly NotifiedTransfer[];
}): string {
  const paid = opts.transfers.filter((t) => !t.returned);
  const back = opts.transfers.filter((t) => t.returned);
  const details = (t: NotifiedTransfer, i: number) => `
          <TxDtls>
            <Refs>
              <MsgId>${opts.messageId}</MsgId>
              <AcctSvcrRef>BNK${String(i + 1).padStart(8, '0')}</AcctSvcrRef>
              <PmtInfId>${opts.messageId}</PmtInfId>
              <EndToEndId>${t.endToEndId}</EndToEndId>
            </Refs>
            <Amt Ccy="EUR">${amount(t.amountCents)}</Amt>
            <CdtDbtInd>${t.returned ? 'CRDT' : 'DBIT'}</CdtDbtInd>
            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${t.returned ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>${t.returned ? 'RRTN' : 'ESCT'}</SubFmlyCd></Fmly></Domn></BkTxCd>${
              t.returned
                ? `
            <RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></RtrInf>`
                : ''
            }
          </TxDtls>`;
  const entry = (list: readonly NotifiedTransfer[], direction: 'DBIT' | 'CRDT', ref: string) => `
      <Ntry>
        <NtryRef>${ref}</NtryRef>
        <Amt Ccy="EUR">${amount(list.reduce((s, t) => s + t.amountCents, 0))}</Amt>
        <CdtDbtInd>${direction}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${opts.bookingDate}</Dt></BookgDt>
        <ValDt><Dt>${opts.bookingDate}</Dt></ValDt>
        <AcctSvcrRef>${ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <Btch><NbOfTxs>${list.length}</NbOfTxs></Btch>${list.map(details).join('')}
        </NtryDtls>
      </Ntry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr>
      <MsgId>NTF-${opts.messageId}</MsgId>
      <CreDtTm>${opts.bookingDate}T18:00:00+01:00</CreDtTm>
    </GrpHdr>
    <Ntfctn>
      <Id>NTF-${opts.bookingDate}-1</Id>
      <CreDtTm>${opts.bookingDate}T18:00:00+01:00</CreDtTm>
      <Acct>
        <Id><IBAN>${opts.debtorIban}</IBAN></Id>
        <Ccy>EUR</Ccy>
        <Svcr><FinInstnId><BICFI>GKCCBEBB</BICFI></FinInstnId></Svcr>
      </Acct>${paid.length ? entry(paid, 'DBIT', 'E1') : ''}${back.length ? entry(back, 'CRDT', 'E2') : ''}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
}
