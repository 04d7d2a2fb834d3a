// The app's storage account, reached only with Entra ID tokens (shared keys are off), with the
// queues, tables and containers the app provisions created up front and the record-keeping
// containers write-once (time-based retention, SEC 17a-4(f)-style once locked).

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

param location string

@description('Queues the app and the Functions host use.')
param queueNames string[]

@description('Tables the app uses.')
param tableNames string[]

@description('Blob containers; writeOnce containers get the time-based retention policy.')
param containers {
  name: string
  writeOnce: bool
}[]

@description('Days a blob in a write-once container is protected from change and deletion after its creation.')
@minValue(1)
@maxValue(146000)
param retentionDays int

@description('GZRS/ZRS keep the account through a zone failure; RA-GZRS also keeps a readable copy in the paired region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Soft delete gives operators a window to undo a mistaken delete of anything not write-once.
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for c in containers: {
    parent: blobService
    name: c.name
    properties: {
      publicAccess: 'None'
    }
  }
]

// Container-level WORM: blobs cannot be changed or deleted until retentionDays after their
// creation; append blobs (the ledger's checkpoints) may still grow. Unlocked here: locking is a
// separate, irreversible operator action (docs/operations.md).
resource retention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = [
  for (c, i) in containers: if (c.writeOnce) {
    parent: container[i]
    name: 'default'
    properties: {
      immutabilityPeriodSinceCreationInDays: retentionDays
      allowProtectedAppendWrites: true
    }
  }
]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
