// The Function App (.NET 10 isolated worker) on Flex Consumption (FC1) or Premium (EP1), running
// as the user-assigned identity: storage through identity-based AzureWebJobsStorage__* settings,
// secrets through Key Vault references resolved with the same identity.

param name string

param location string

@allowed([
  'FlexConsumption'
  'Premium'
])
param plan string

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Premium: instances kept warm.')
@minValue(1)
@maxValue(20)
param premiumAlwaysReadyInstances int

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (AzureWebJobsStorage__clientId).')
param identityClientId string

param storageAccountName string

@description('Blob endpoint of the storage account (ends in "/").')
param storageBlobEndpoint string

@description('Container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Application settings beyond the storage and runtime ones, by name.')
param appSettings object

var isFlex = plan == 'FlexConsumption'
var packageContainerUrl = '${storageBlobEndpoint}${deploymentContainerName}'

resource hostingPlan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${name}-plan'
  location: location
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: 'EP1'
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : 20
  }
}

// The Functions host and its extensions read these (Microsoft.Azure.WebJobs.Extensions.Storage,
// the timer's schedule monitor): storage by identity, no connection string anywhere.
var storageSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
}

// Flex sets the runtime in functionAppConfig and refuses FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION as settings; Premium needs them, and runs the package from the
// deployment container, read with the identity (no Azure Files share, which needs a shared key).
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: '${packageContainerUrl}/functionapp.zip'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
}

var settings = union(storageSettings, isFlex ? {} : premiumSettings, appSettings)

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: hostingPlan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: packageContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          scaleAndConcurrency: {
            instanceMemoryMB: instanceMemoryMB
            maximumInstanceCount: maximumInstanceCount
          }
          runtime: {
            name: 'dotnet-isolated'
            version: '10.0'
          }
        }
      : null
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
      minimumElasticInstanceCount: isFlex ? null : premiumAlwaysReadyInstances
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [for setting in items(settings): { name: setting.key, value: setting.value }]
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
