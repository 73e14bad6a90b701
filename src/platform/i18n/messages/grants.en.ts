// Messages of the grants: the agreement and its PDF, the tranches, the payment batches.
export const grantsEn = {
  'grants.agreement.title': 'Grant agreement {reference}',
  'grants.agreement.amendmentTitle': 'Grant agreement {reference}: amendment {version}',
  'grants.agreement.parties': 'Between the parties',
  'grants.agreement.funderParty': '{funder}, {address}, hereinafter “the funder”,',
  'grants.agreement.grantee':
    'and {organisation}, enterprise number {enterprise}, {address}, hereinafter “the grantee”, agree as follows.',
  'grants.agreement.amendmentReason': 'This amendment replaces the agreement in force. Reason: {reason}',
  'grants.agreement.article.object': 'Article 1 — Object',
  'grants.agreement.object':
    'The funder grants the grantee a subsidy for the project “{title}” ({reference}), selected in the call “{call}” by the decision of {date}.',
  'grants.agreement.article.amount': 'Article 2 — Amount',
  'grants.agreement.amount':
    'The grant amounts to {amount} ({words}). It is a maximum: only justified expenses are covered.',
  'grants.agreement.article.period': 'Article 3 — Period',
  'grants.agreement.period':
    'The project runs from {start} to {end} inclusive. Expenses outside this period are not eligible.',
  'grants.agreement.article.payment': 'Article 4 — Payment',
  'grants.agreement.payment':
    'The grant is paid in the tranches below to account {iban} in the name of {holder}, each with its own structured communication.',
  'grants.agreement.tranchesCaption': 'Tranches of the grant',
  'grants.agreement.article.reporting': 'Article 5 — Reports',
  'grants.agreement.reporting':
    'The grantee reports on the activities and the expenses as the call sets out, and submits its final report with its supporting documents at the latest three months after {end}.',
  'grants.agreement.article.rules': 'Article 6 — Applicable rules',
  'grants.agreement.rule.deMinimis':
    'The grant is de minimis aid under Commission Regulation (EU) 2023/2831: the grantee declares the de minimis aid it received over the last three years.',
  'grants.agreement.rule.recovery': 'Any amount paid and not justified, or used for another purpose, is claimed back.',
  'grants.agreement.rule.control': 'The funder may check the use of the grant on site and in the accounts.',
  'grants.agreement.article.signature': 'Article 7 — Acceptance',
  'grants.agreement.signature':
    'The grantee accepts this agreement online or by a signed copy; it binds once {funder} countersigns it. For {organisation}: its authorised member. For {funder}: its programme officer.',
  'grants.trigger.signature': 'At signature',
  'grants.trigger.interim-report': 'After the approved interim report',
  'grants.trigger.final-report': 'After the approved final report',
  'grants.trigger.date': 'On {date}',
  'grants.tranche.number': 'Tranche',
  'grants.tranche.condition': 'Condition',
  'grants.tranche.percent': 'Share',
  'grants.tranche.amount': 'Amount',
  'grants.mail.sent.subject': 'Your grant agreement {reference} is ready',
  'grants.mail.sent.body':
    'Hello {name},\n\nThe agreement of your grant {reference} ({call}) is ready. Read it and accept it online: {link}\n\nThe Octroi team',
};
