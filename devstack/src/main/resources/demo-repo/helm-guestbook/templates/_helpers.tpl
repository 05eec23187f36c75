{{/* The chart name, cut to the 63 characters Kubernetes allows in a label. */}}
{{- define "helm-guestbook.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The object name: the release name, followed by the chart name unless it already holds it. */}}
{{- define "helm-guestbook.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "helm-guestbook.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the pods of this release. */}}
{{- define "helm-guestbook.selectorLabels" -}}
app.kubernetes.io/name: {{ include "helm-guestbook.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Every label this chart puts on its objects. */}}
{{- define "helm-guestbook.labels" -}}
helm.sh/chart: {{ include "helm-guestbook.chart" . }}
{{ include "helm-guestbook.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}
