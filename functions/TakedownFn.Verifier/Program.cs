// The auditors' offline verifier; filled in by the ledger work.
return 2;
