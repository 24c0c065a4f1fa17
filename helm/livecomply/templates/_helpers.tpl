{{/*
Ports every LiveComply service listens on (GRPC_SERVER_PORT / MICRONAUT_SERVER_PORT).
*/}}
{{- define "livecomply.grpcPort" -}}50051{{- end -}}
{{- define "livecomply.httpPort" -}}8080{{- end -}}

{{/*
Chart name, overridable with nameOverride; used as app.kubernetes.io/name.
*/}}
{{- define "livecomply.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
"<release>-<chart>" (or the release name when it already contains the chart name).
*/}}
{{- define "livecomply.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "livecomply.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Name of a component's objects (Deployment, Service, ConfigMap, ...): "<fullname>-<component>".
Call with (dict "root" $ "key" $key).
*/}}
{{- define "livecomply.componentName" -}}
{{- printf "%s-%s" (include "livecomply.fullname" .root) .key | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Selector labels of a component's pods. Call with (dict "root" $ "key" $key).
*/}}
{{- define "livecomply.selectorLabels" -}}
app.kubernetes.io/name: {{ include "livecomply.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .key }}
{{- end -}}

{{/*
Standard labels of every object of a component. Call with (dict "root" $ "key" $key).
*/}}
{{- define "livecomply.labels" -}}
{{ include "livecomply.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: livecomply
helm.sh/chart: {{ include "livecomply.chart" .root }}
{{- end -}}

{{/*
Deep merge of two maps, returned as YAML: maps merge key by key, anything else in "override"
replaces the value in "base". Unlike sprig's merge/mergeOverwrite, a false, 0, "" or [] in
"override" does win. Call with (dict "base" $map "override" $map).
*/}}
{{- define "livecomply.mergeValues" -}}
{{- $merged := deepCopy (.base | default dict) -}}
{{- range $k, $v := (.override | default dict) -}}
{{- $current := get $merged $k -}}
{{- if and (kindIs "map" $v) (kindIs "map" $current) -}}
{{- $_ := set $merged $k (include "livecomply.mergeValues" (dict "base" $current "override" $v) | fromYaml) -}}
{{- else -}}
{{- $_ := set $merged $k $v -}}
{{- end -}}
{{- end -}}
{{- toYaml $merged -}}
{{- end -}}

{{/*
The enabled components, as YAML: a map from component key to componentDefaults deep-merged with
the entry, plus "callers", the sorted keys of the enabled components allowed to call it (those whose
`calls` name it, plus its `allowedCallers`). Validates keys and the call graph.
Use: {{ $components := include "livecomply.components" . | fromYaml }}
*/}}
{{- define "livecomply.components" -}}
{{- $root := . -}}
{{- $all := dict -}}
{{- range $key, $entry := (.Values.components | default dict) -}}
{{- if not (regexMatch "^[a-z]([-a-z0-9]*[a-z0-9])?$" $key) -}}
{{- fail (printf "components.%s: a component key must be a lowercase DNS label (a-z, 0-9, -)" $key) -}}
{{- end -}}
{{- if not (kindIs "map" $entry) -}}
{{- fail (printf "components.%s must be a map" $key) -}}
{{- end -}}
{{- $_ := set $all $key (include "livecomply.mergeValues" (dict "base" $root.Values.componentDefaults "override" $entry) | fromYaml) -}}
{{- end -}}
{{- $enabled := dict -}}
{{- range $key, $c := $all -}}
{{- if $c.enabled -}}
{{- if not $c.image.repository -}}
{{- fail (printf "components.%s.image.repository is required" $key) -}}
{{- end -}}
{{- range $callee := $c.calls -}}
{{- if not (hasKey $all $callee) -}}
{{- fail (printf "components.%s.calls: %q is not a key of components" $key $callee) -}}
{{- end -}}
{{- if eq $callee $key -}}
{{- fail (printf "components.%s.calls: a component does not call itself" $key) -}}
{{- end -}}
{{- end -}}
{{- range $caller := $c.allowedCallers -}}
{{- if not (hasKey $all $caller) -}}
{{- fail (printf "components.%s.allowedCallers: %q is not a key of components" $key $caller) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $enabled $key $c -}}
{{- end -}}
{{- end -}}
{{- range $key, $c := $enabled -}}
{{- $callers := list -}}
{{- range $other, $o := $enabled -}}
{{- if has $key $o.calls -}}
{{- $callers = append $callers $other -}}
{{- end -}}
{{- end -}}
{{- range $caller := $c.allowedCallers -}}
{{- if hasKey $enabled $caller -}}
{{- $callers = append $callers $caller -}}
{{- end -}}
{{- end -}}
{{- $_ := set $c "callers" ($callers | uniq | sortAlpha) -}}
{{- end -}}
{{- toYaml $enabled -}}
{{- end -}}

{{/*
Image reference of a component. Call with (dict "root" $ "c" $component).
*/}}
{{- define "livecomply.image" -}}
{{- $tag := .c.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .c.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .c.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
ServiceAccount name of a component. Call with (dict "root" $ "key" $key "c" $component).
*/}}
{{- define "livecomply.serviceAccountName" -}}
{{- if .c.serviceAccount.create -}}
{{- .c.serviceAccount.name | default (include "livecomply.componentName" .) -}}
{{- else -}}
{{- .c.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/*
The ConfigMap data of a component (environment variables, all values strings): logLevel, the
address of each component it calls (LIVECOMPLY_CLIENTS_<CALLEE>_ADDRESS, <CALLEE> the component's
clientNames entry for it, else its key) and auth.issuer, then the
global `config`, then the component's `config`.
Call with (dict "root" $ "key" $key "c" $component).
*/}}
{{- define "livecomply.configData" -}}
{{- $data := dict "LOGGER_LEVELS_ROOT" .root.Values.logLevel -}}
{{- $clientNames := .c.clientNames | default dict -}}
{{- range $callee := .c.calls -}}
{{- $client := index $clientNames $callee | default $callee -}}
{{- $_ := set $data (printf "LIVECOMPLY_CLIENTS_%s_ADDRESS" ($client | upper | replace "-" "_")) (printf "%s:%s" (include "livecomply.componentName" (dict "root" $.root "key" $callee)) (include "livecomply.grpcPort" $.root)) -}}
{{- end -}}
{{- if .root.Values.auth.issuer -}}
{{- $_ := set $data "LIVECOMPLY_AUTH_ISSUER" .root.Values.auth.issuer -}}
{{- end -}}
{{- $data = include "livecomply.mergeValues" (dict "base" $data "override" .root.Values.config) | fromYaml -}}
{{- $data = include "livecomply.mergeValues" (dict "base" $data "override" .c.config) | fromYaml -}}
{{- range $k, $v := $data }}
{{- if not (regexMatch "^[A-Za-z_][A-Za-z0-9_]*$" $k) }}
{{- fail (printf "config key %q is not an environment variable name" $k) }}
{{- end }}
{{- end }}
{{- range $k, $v := $data }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/*
A key of a referenced Secret with "{component}" replaced. Call with (dict "key" $key "template" $keyTemplate).
*/}}
{{- define "livecomply.secretKey" -}}
{{- replace "{component}" .key .template -}}
{{- end -}}
