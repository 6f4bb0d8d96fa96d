{{/* Name prefix of every resource: the release name, plus "-tousu" unless it already says tousu. */}}
{{- define "tousu.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains "tousu" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-tousu" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Namespace of every namespaced resource: values.namespace, else the release namespace. */}}
{{- define "tousu.namespace" -}}
{{- default .Release.Namespace .Values.namespace -}}
{{- end -}}

{{/* Labels every resource carries. */}}
{{- define "tousu.commonLabels" -}}
{{ include "tousu.baseLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels every resource carries, but the instance (part of the selector labels). */}}
{{- define "tousu.baseLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: tousu
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
tousu.io/province: {{ .Values.province.code | quote }}
{{- end -}}

{{/* Labels of one service's resources; call with (dict "root" $ "svc" "intake"). */}}
{{- define "tousu.labels" -}}
{{ include "tousu.baseLabels" .root }}
{{ include "tousu.selectorLabels" . }}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "svc" "intake"). */}}
{{- define "tousu.selectorLabels" -}}
app.kubernetes.io/name: {{ printf "%s-service" .svc }}
app.kubernetes.io/component: {{ .svc }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Resource name of one service, e.g. tousu-intake; call with (dict "root" $ "svc" "intake"). */}}
{{- define "tousu.serviceName" -}}
{{- printf "%s-%s" (include "tousu.fullname" .root) .svc -}}
{{- end -}}

{{/* Service account of the pods. */}}
{{- define "tousu.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tousu.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Image of one service; call with (dict "root" $ "svc" "intake"). */}}
{{- define "tousu.image" -}}
{{- $img := .root.Values.image -}}
{{- $name := (index .root.Values.services .svc).image -}}
{{- $tag := $img.tag | default .root.Chart.AppVersion -}}
{{- if $img.registry -}}
{{- printf "%s/%s/%s:%s" $img.registry $img.repository $name $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" $img.repository $name $tag -}}
{{- end -}}
{{- end -}}

{{/* PostgreSQL host. */}}
{{- define "tousu.dbHost" -}}
{{- if .Values.postgresql.cnpg.enabled -}}
{{- printf "%s-rw" .Values.postgresql.cnpg.clusterName -}}
{{- else -}}
{{- .Values.database.host -}}
{{- end -}}
{{- end -}}

{{/* Secret with one service's database credentials; call with (dict "root" $ "svc" "intake"). */}}
{{- define "tousu.dbSecret" -}}
{{- $own := (index .root.Values.services .svc).database.existingSecret -}}
{{- if $own -}}
{{- $own -}}
{{- else if .root.Values.database.existingSecret -}}
{{- .root.Values.database.existingSecret -}}
{{- else if .root.Values.postgresql.cnpg.enabled -}}
{{- printf "%s-app" .root.Values.postgresql.cnpg.clusterName -}}
{{- else -}}
{{- fail "database.existingSecret (or services.<name>.database.existingSecret) must name the Secret with the database credentials" -}}
{{- end -}}
{{- end -}}

{{/* Kafka bootstrap servers. */}}
{{- define "tousu.kafkaBootstrap" -}}
{{- if .Values.kafka.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" .Values.kafka.strimzi.clusterName -}}
{{- else -}}
{{- .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* The four services, in order. */}}
{{- define "tousu.serviceKeys" -}}
intake escalation quality reporting
{{- end -}}
