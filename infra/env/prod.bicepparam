// Production: geo-zone-redundant storage with read access in the paired region, retention from
// the policy packs (main.bicep's default), alerts to the operators' mailbox.
using '../main.bicep'

param baseName = 'tdfn-prod'
param plan = 'FlexConsumption'
param instanceMemoryMB = 2048
param maximumInstanceCount = 100
param storageSku = 'Standard_RAGZRS'
param ledgerOriginPrefix = 'takedownfn.example/ledger'
param alertEmail = 'takedown-operators@example.com'
param logRetentionDays = 365
