// Data-plane roles for the app's identity on its storage account: exactly the services it uses.

param storageAccountName string

@description('Principal (object) id of the app\'s user-assigned identity.')
param principalId string

@description('Role definition ids (GUIDs) to assign on the account.')
param roleIds string[]

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in roleIds: {
    scope: account
    name: guid(account.id, principalId, roleId)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
