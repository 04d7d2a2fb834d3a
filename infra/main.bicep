// TakedownFn in one resource group: the Function App (.NET 10 isolated; Flex Consumption, or
// Premium EP1), its user-assigned identity, the storage account it reaches only with that identity,
// write-once containers for the ledger's checkpoints and evidence, Key Vault for the signing and
// key-encryption keys, and Application Insights with the operators' alerts.
// Deploy and operate: docs/operations.md. The tests (tests/TakedownFn.Tests/Infra) hold the names
// below to the app's own lists.

targetScope = 'resourceGroup'

@description('Short name of the deployment, used in every resource name (lower-case letters, digits, hyphens).')
@minLength(3)
@maxLength(16)
param baseName string

param location string = resourceGroup().location

@description('FlexConsumption (default), or Premium (EP1) for always-ready instances and VNet features.')
@allowed([
  'FlexConsumption'
  'Premium'
])
param plan string = 'FlexConsumption'

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Premium: instances kept warm.')
@minValue(1)
@maxValue(20)
param premiumAlwaysReadyInstances int = 1

@description('Days ledger checkpoints and evidence stay write-once after each blob is created. Default: the longest preservation any shipped policy pack requires (18 USC 2258A(h)(1), counted as 366 days).')
@minValue(1)
@maxValue(146000)
param recordRetentionDays int = 366

@description('Storage redundancy; geo-redundant SKUs keep a copy in the paired region (docs/operations.md, region failure).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_GZRS'

@description('Ledger log origin prefix: tenant t\'s checkpoints name the log "{prefix}/t". Choose once; changing it changes every origin.')
param ledgerOriginPrefix string

@description('Public keys (PEM) of earlier signing keys, published so their checkpoints keep verifying. Public, not secret.')
param ledgerVerificationKeysPem string = ''

@description('E-mail address for the SLA-breach and poison-queue alerts; empty: alerts fire without notifying.')
param alertEmail string = ''

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

// What the app provisions (StorageResources) and the host's poison queue of each queue trigger.
var queueNames = [
  'intake'
  'intake-poison'
  'intake-poison-poison'
  'timers'
  'timers-poison'
  'escalations'
  'escalations-poison'
]
var tableNames = [
  'cases'
  'tenants'
  'ledger'
  'reports'
]
var deploymentContainerName = 'app-package'
var blobContainers = [
  { name: 'ledger', writeOnce: true }
  { name: 'evidence', writeOnce: true }
  { name: deploymentContainerName, writeOnce: false }
]

// Storage Blob Data Owner (containers, leases, the host's locks and the deployment package),
// Storage Queue Data Contributor, Storage Table Data Contributor.
var storageRoleIds = {
  blob: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queue: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  table: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// Key Vault secrets the app settings reference; their values are set by operators, never here.
var signingKeySecretName = 'ledger-signing-key'
var keyEncryptionKeySecretName = 'key-encryption-key'

// Metrics the app records (Telemetry/AppMetrics.cs) that the alerts query.
var slaBreachMetric = 'takedownfn.sla.breaches'
var poisonDepthMetric = 'takedownfn.queue.poison.depth'

var suffix = uniqueString(resourceGroup().id, baseName)
var storageAccountName = take('st${replace(baseName, '-', '')}${suffix}', 24)
var vaultName = take('kv-${baseName}-${suffix}', 24)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${baseName}-app'
  location: location
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    queueNames: queueNames
    tableNames: tableNames
    containers: blobContainers
    retentionDays: recordRetentionDays
    skuName: storageSku
  }
}

module storageRoles 'modules/storage-roles.bicep' = {
  name: 'storage-roles'
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.properties.principalId
    roleIds: [storageRoleIds.blob, storageRoleIds.queue, storageRoleIds.table]
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: vaultName
    location: location
    appPrincipalId: identity.properties.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: baseName
    location: location
    retentionInDays: logRetentionDays
    alertEmail: alertEmail
    slaBreachMetric: slaBreachMetric
    poisonDepthMetric: poisonDepthMetric
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [
    storageRoles
  ]
  params: {
    name: '${baseName}-${suffix}'
    location: location
    plan: plan
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    premiumAlwaysReadyInstances: premiumAlwaysReadyInstances
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    appSettings: {
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      // Azure/azure-functions-dotnet-worker#3335: .NET 10 isolated workers can crash (SIGSEGV) when
      // specialised from a placeholder on Flex; starting them cold avoids it.
      WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
      TakedownFn__Ledger__SigningKeyPem: '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=${signingKeySecretName})'
      TakedownFn__Ledger__VerificationKeysPem: ledgerVerificationKeysPem
      TakedownFn__Ledger__OriginPrefix: ledgerOriginPrefix
      TakedownFn__Secrets__KeyEncryptionKey: '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=${keyEncryptionKeySecretName})'
    }
  }
}

output functionAppName string = app.outputs.name
output functionAppHostName string = app.outputs.defaultHostName
output storageAccountName string = storage.outputs.name
output keyVaultName string = vault.outputs.name
output deploymentContainer string = deploymentContainerName
