-- Licences issued before invoices existed get one each, so every licence with a fee has an invoice
-- (payments, the receivables list and the publisher's pages read only invoices). What those licences
-- recorded is all there is: the fee as the total with no VAT split (vat_rate_milli 0), the
-- organisation's name and country as buyer, one line, terms of 30 days from issue, paid in full when
-- the licence was marked paid. The seller is left empty: the pages show the desk's current details.
INSERT INTO invoices (number, license_id, request_id, organization_id, issued_on, due_on, currency, seller, buyer, lines,
  vat_treatment, vat_rate_milli, net, vat, total, amount_paid, status, paid_at, voided_at, created_at)
SELECT l.invoice_ref, l.id, l.request_id, l.organization_id,
  substr(l.created_at, 1, 10),
  date(substr(l.created_at, 1, 10), '+30 days'),
  l.currency,
  '{}',
  json_object('name', o.name, 'address', json_array(), 'country', o.country, 'countryCode', NULL, 'vatNumber', NULL, 'email', NULL),
  json_array(json_object('description', 'Licence ' || l.code, 'detail', '', 'amount', l.fee)),
  'domestic', 0, l.fee, 0, l.fee,
  CASE WHEN l.paid_at IS NOT NULL THEN l.fee ELSE 0 END,
  CASE WHEN l.paid_at IS NOT NULL THEN 'paid' WHEN l.status = 'revoked' THEN 'void' ELSE 'open' END,
  l.paid_at,
  CASE WHEN l.paid_at IS NULL AND l.status = 'revoked' THEN l.status_changed_at END,
  l.created_at
FROM licenses l JOIN organizations o ON o.id = l.organization_id
WHERE l.fee > 0 AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.license_id = l.id);
