// Log Analytics and workspace-based Application Insights (the app exports traces, metrics and logs
// to it through OpenTelemetry), and the two alerts an operator must not miss: a recorded SLA
// breach, and messages in a poison queue (work the app gave up on).

param namePrefix string

param location string

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('E-mail address the alerts go to; empty: the alerts fire without notifying anyone.')
param alertEmail string

@description('Metric the app records once per SLA breach (counter).')
param slaBreachMetric string

@description('Metric the app reports with the approximate message count of each poison queue (gauge).')
param poisonDepthMetric string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-operators'
  location: 'global'
  properties: {
    groupShortName: 'takedownfn'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [operators.id]

resource slaBreached 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-sla-breached'
  location: location
  properties: {
    displayName: 'TakedownFn: SLA breach recorded'
    description: 'A case stage passed its deadline (an sla-breached step was recorded). The case ids are in the ledger and GET /api/sla/at-risk.'
    severity: 1
    enabled: true
    scopes: [
      insights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "${slaBreachMetric}" | summarize Breaches = sum(valueSum) by bin(timestamp, 5m)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Breaches'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}

resource poisonDepth 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-poison-queue-depth'
  location: location
  properties: {
    displayName: 'TakedownFn: messages in a poison queue'
    description: 'A queue message failed five times and waits in a poison queue (customDimensions.queue names it).'
    severity: 2
    enabled: true
    scopes: [
      insights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "${poisonDepthMetric}" | extend queue = tostring(customDimensions["queue"]) | summarize Depth = max(valueMax) by queue, bin(timestamp, 5m)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'Depth'
          dimensions: [
            {
              name: 'queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}

output connectionString string = insights.properties.ConnectionString
output workspaceId string = workspace.id
