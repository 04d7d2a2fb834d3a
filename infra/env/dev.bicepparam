// Development: small and cheap; locally redundant storage, short telemetry retention, one week of
// write-once retention so test records do not outlive the environment by a year.
using '../main.bicep'

param baseName = 'tdfn-dev'
param plan = 'FlexConsumption'
param instanceMemoryMB = 2048
param maximumInstanceCount = 10
param storageSku = 'Standard_LRS'
param recordRetentionDays = 7
param ledgerOriginPrefix = 'dev.takedownfn.example/ledger'
param logRetentionDays = 30
