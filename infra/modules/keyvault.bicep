// Key Vault in RBAC mode with purge protection: it holds the ledger's signing key and the
// key-encryption key material as secrets, which the app reads through Key Vault references.
// The template creates no secret values: operators set them (docs/operations.md), so nothing
// secret is ever in the repository or in a deployment's parameters.

@minLength(3)
@maxLength(24)
param name string

param location string

@description('Principal (object) id of the app\'s user-assigned identity: it may read secrets.')
param appPrincipalId string

@description('Days a deleted vault or secret can be recovered (7-90); purge protection forbids purging before then.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

// Key Vault Secrets User: read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enablePurgeProtection: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    publicNetworkAccess: 'Enabled'
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appPrincipalId, secretsUserRoleId)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
