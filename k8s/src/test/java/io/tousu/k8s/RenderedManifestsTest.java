package io.tousu.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the chart (defaults and every province overlay), maps every manifest onto the fabric8
 * Kubernetes model (no unknown field, no coerced type) and checks what matters in production.
 */
class RenderedManifestsTest {

    /** Kinds of the core API rendered by the chart and their model classes. */
    static final Map<String, Class<?>> MODEL = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);
    /** Custom resources the chart may render (operators' CRDs), checked as maps. */
    static final Set<String> CUSTOM = Set.of(
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule",
            "kafka.strimzi.io/v1beta2/Kafka", "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database");
    static final Pattern CREDENTIAL = Pattern.compile("(?i).*(PASSWORD|USERNAME|SECRET|TOKEN|JAAS|CREDENTIAL).*");
    static final List<String> TOPICS = List.of("tousu.complaints", "tousu.escalations", "tousu.quality",
            "tousu.call-volume", "tousu.notifications", "tousu.reporting");

    /** One rendering: defaults ("default", namespace tousu-test) or a province overlay. */
    record Rendering(String name, String namespace, Map<String, Object> values, List<Map<String, Object>> docs) {

        static Rendering of(String province) {
            Map<String, Object> values = Chart.read(Chart.CHART.resolve("values.yaml"));
            List<Path> files = List.of();
            String ns = "tousu-test";
            if (!province.equals("default")) {
                values = Chart.merge(values, Chart.read(Chart.overlay(province)));
                files = List.of(Chart.overlay(province));
                ns = (String) values.get("namespace");
            }
            return new Rendering(province, ns, values, Chart.documents(Chart.template(ns, files)));
        }

        List<Map<String, Object>> kind(String kind) {
            return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        <T> List<T> typed(String kind, Class<T> type) {
            return kind(kind).stream().map(d -> Chart.STRICT.convertValue(d, type)).toList();
        }

        Object value(String path) {
            Object v = values;
            for (String part : path.split("/")) {
                v = ((Map<?, ?>) v).get(part);
            }
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Rendering> CACHE = new HashMap<>();

    static synchronized Rendering rendering(String province) {
        return CACHE.computeIfAbsent(province, Rendering::of);
    }

    static Stream<Arguments> renderings() {
        return Stream.concat(Stream.of("default"), Chart.provinces().stream()).map(p -> Arguments.of(rendering(p)));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyManifestMapsOntoTheKubernetesModelWithoutUnknownFields(Rendering r) {
        assertThat(r.docs()).isNotEmpty();
        for (Map<String, Object> doc : r.docs()) {
            String gvk = doc.get("apiVersion") + "/" + doc.get("kind");
            Map<?, ?> metadata = (Map<?, ?>) doc.get("metadata");
            assertThat(metadata).as(gvk).isNotNull();
            String where = gvk + " " + metadata.get("name") + " (" + r.name() + ")";
            assertThat((String) metadata.get("name")).as(where).matches("[a-z0-9]([-.a-z0-9]*[a-z0-9])?");
            assertThat(metadata.get("namespace")).as("namespace of " + where).isEqualTo(r.namespace());
            if (MODEL.containsKey(gvk)) {
                Object typed = Chart.STRICT.convertValue(doc, MODEL.get(gvk));
                List<String> unknown = new ArrayList<>();
                unknownFields(typed, gvk, unknown);
                assertThat(unknown).as("fields the Kubernetes model does not know in " + where).isEmpty();
            } else {
                assertThat(CUSTOM).as("unexpected kind " + where).contains(gvk);
                assertThat(doc.get("spec")).as(where).isInstanceOf(Map.class);
            }
        }
        assertThat(r.kind("Secret")).as("the chart never renders a Secret: credentials are referenced by name").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void deploymentsHaveProbesResourcesAndARestrictedSecurityContext(Rendering r) {
        List<Deployment> deployments = r.typed("Deployment", Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("tousu-intake", "tousu-escalation", "tousu-quality", "tousu-reporting");
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName() + " (" + r.name() + ")";
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            assertThat(pod.getContainers()).as(name).hasSize(1);
            Container c = pod.getContainers().get(0);

            assertProbe(name, c.getStartupProbe(), "/q/health/started");
            assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
            assertProbe(name, c.getLivenessProbe(), "/q/health/live");
            assertThat(c.getPorts()).as(name).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(8080);
            });

            assertThat(c.getResources().getRequests()).as("requests of " + name).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as("limits of " + name).containsKeys("cpu", "memory");

            var sc = c.getSecurityContext();
            assertThat(sc.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(sc.getRunAsNonRoot()).as(name).isTrue();
            assertThat(sc.getPrivileged()).as(name).isFalse();
            assertThat(sc.getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).as(name).isNullOrEmpty();
            assertThat(sc.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(c.getVolumeMounts()).as(name).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).as(name).anySatisfy(v -> {
                assertThat(v.getName()).isEqualTo("tmp");
                assertThat(v.getEmptyDir()).isNotNull();
            });

            String svc = d.getMetadata().getLabels().get("app.kubernetes.io/component");
            assertThat(c.getImage()).as(name)
                    .matches("([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9/._-]+/" + svc + "-service:[A-Za-z0-9_.-]+");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void credentialsComeOnlyFromSecretsReferencedByName(Rendering r) {
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, EnvVar> env = new LinkedHashMap<>();
            c.getEnv().forEach(e -> env.put(e.getName(), e));
            for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertThat(env).as(d.getMetadata().getName()).containsKey(name);
            }
            for (EnvVar e : c.getEnv()) {
                if (CREDENTIAL.matcher(e.getName()).matches()) {
                    assertThat(e.getValue()).as("inline value of " + e.getName()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef().getName()).as(e.getName()).isNotBlank();
                }
            }
            assertThat(c.getEnvFrom()).allSatisfy(s -> assertThat(s.getSecretRef()).isNull());
        }
        for (ConfigMap cm : r.typed("ConfigMap", ConfigMap.class)) {
            assertThat(cm.getData().keySet()).as("credentials in ConfigMap " + cm.getMetadata().getName())
                    .noneMatch(k -> CREDENTIAL.matcher(k).matches());
            assertThat(cm.getData().values()).as("a password in a URL of " + cm.getMetadata().getName())
                    .noneMatch(v -> v.matches("(?s).*://[^/@\\s]+:[^/@\\s]+@.*"));
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachServiceHasItsServiceConfigMapBudgetAndNetworkPolicy(Rendering r) {
        Map<String, ConfigMap> configMaps = byName(r.typed("ConfigMap", ConfigMap.class));
        Map<String, Service> services = byName(r.typed("Service", Service.class));
        Map<String, PodDisruptionBudget> pdbs = byName(r.typed("PodDisruptionBudget", PodDisruptionBudget.class));
        Map<String, NetworkPolicy> policies = byName(r.typed("NetworkPolicy", NetworkPolicy.class));
        Map<String, HorizontalPodAutoscaler> hpas = byName(r.typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            String name = d.getMetadata().getName();
            String svc = d.getMetadata().getLabels().get("app.kubernetes.io/component");
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);

            ConfigMap cm = configMaps.get(name);
            assertThat(cm).as("ConfigMap of " + name).isNotNull();
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                    .anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo(name));
            assertThat(cm.getData()).containsEntry("QUARKUS_HTTP_PORT", "8080")
                    .containsEntry("TZ", (String) r.value("province/timeZone"))
                    .containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL");
            String db = (String) r.value("services/" + svc + "/database/name");
            assertThat(cm.getData().get("QUARKUS_DATASOURCE_REACTIVE_URL")).startsWith("postgresql://").contains("/" + db);
            assertThat(cm.getData().get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://").contains("/" + db);
            if (!svc.equals("escalation")) {
                assertThat(cm.getData()).containsEntry("TOUSU_" + svc.toUpperCase() + "_ZONE",
                        (String) r.value("province/timeZone"));
            }
            assertThat(d.getMetadata().getLabels()).containsEntry("tousu.io/province", (String) r.value("province/code"));

            Service service = services.get(name);
            assertThat(service).as("Service of " + name).isNotNull();
            assertThat(service.getSpec().getSelector()).isEqualTo(selector);
            assertThat(service.getSpec().getPorts()).singleElement()
                    .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

            assertThat(pdbs.get(name)).as("PDB of " + name).isNotNull();
            assertThat(pdbs.get(name).getSpec().getSelector().getMatchLabels()).isEqualTo(selector);

            boolean autoscaled = (Boolean) r.value("services/" + svc + "/autoscaling/enabled");
            if (autoscaled) {
                assertThat(d.getSpec().getReplicas()).as("replicas are the HPA's for " + name).isNull();
                HorizontalPodAutoscaler hpa = hpas.get(name);
                assertThat(hpa).as("HPA of " + name).isNotNull();
                assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
                assertThat(hpa.getSpec().getMinReplicas())
                        .isEqualTo(r.value("services/" + svc + "/autoscaling/minReplicas"));
                assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            } else {
                assertThat(hpas).doesNotContainKey(name);
                assertThat(d.getSpec().getReplicas()).isEqualTo(r.value("services/" + svc + "/replicas"));
            }

            NetworkPolicy np = policies.get(name);
            assertThat(np).as("NetworkPolicy of " + name).isNotNull();
            assertThat(np.getSpec().getPodSelector().getMatchLabels()).isEqualTo(selector);
            assertThat(np.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(np.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("http");
                assertThat(rule.getFrom()).extracting(p -> p.getNamespaceSelector().getMatchLabels()
                        .get("kubernetes.io/metadata.name")).contains(
                                (String) r.value("networkPolicy/ingressControllerNamespace"),
                                (String) r.value("networkPolicy/prometheusNamespace"));
            });
            List<Integer> egressPorts = np.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                    .map(NetworkPolicyPort::getPort).map(p -> p.getIntVal()).toList();
            List<Integer> allowed = new ArrayList<>(List.of(53, (Integer) r.value("database/port")));
            ((List<?>) r.value("networkPolicy/kafkaPorts")).forEach(p -> allowed.add((Integer) p));
            assertThat(egressPorts).as("egress of " + name + ": DNS, PostgreSQL, Kafka only")
                    .containsOnlyElementsOf(allowed).containsAll(allowed);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void monitoringAndOperatorResourcesFollowTheirSwitches(Rendering r) {
        assertThat(r.kind("ServiceMonitor")).hasSize((Boolean) r.value("metrics/serviceMonitor/enabled") ? 4 : 0);
        assertThat(r.kind("PrometheusRule")).hasSize((Boolean) r.value("prometheusRule/enabled") ? 1 : 0);
        boolean strimzi = (Boolean) r.value("kafka/strimzi/enabled");
        assertThat(r.kind("Kafka")).hasSize(strimzi ? 1 : 0);
        assertThat(r.kind("KafkaTopic")).hasSize(strimzi ? 6 : 0);
        if (strimzi) {
            assertThat(r.kind("KafkaTopic")).extracting(t -> (String) ((Map<?, ?>) t.get("spec")).get("topicName"))
                    .containsExactlyInAnyOrderElementsOf(TOPICS);
            assertThat(r.typed("ConfigMap", ConfigMap.class)).filteredOn(c -> c.getData().containsKey("KAFKA_BOOTSTRAP_SERVERS"))
                    .allSatisfy(c -> assertThat(c.getData().get("KAFKA_BOOTSTRAP_SERVERS")).endsWith("-kafka-bootstrap:9092"));
        }
        boolean cnpg = (Boolean) r.value("postgresql/cnpg/enabled");
        assertThat(r.kind("Cluster")).hasSize(cnpg ? 1 : 0);
        assertThat(r.kind("Database")).hasSize(cnpg ? 3 : 0);
        if (cnpg) {
            assertThat(r.typed("Deployment", Deployment.class)).allSatisfy(d -> assertThat(
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .anySatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).endsWith("-app")));
        }
        boolean annotations = (Boolean) r.value("metrics/scrapeAnnotations");
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            Map<String, String> a = d.getSpec().getTemplate().getMetadata().getAnnotations();
            if (annotations) {
                assertThat(a).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "8080")
                        .containsEntry("prometheus.io/path", "/q/metrics");
            } else {
                assertThat(a).doesNotContainKey("prometheus.io/scrape");
            }
        }
    }

    @Test
    void serviceMonitorsAndRulesAppearWhenSwitchedOnAndNotOtherwise() {
        List<Map<String, Object>> on = Chart.documents(Chart.template("tousu-test", List.of(),
                "metrics.serviceMonitor.enabled", true, "prometheusRule.enabled", true, "dashboards.enabled", true));
        assertThat(on).filteredOn(d -> "ServiceMonitor".equals(d.get("kind"))).hasSize(4).allSatisfy(sm -> {
            Map<?, ?> endpoint = (Map<?, ?>) ((List<?>) ((Map<?, ?>) sm.get("spec")).get("endpoints")).get(0);
            assertThat(endpoint.get("path")).isEqualTo("/q/metrics");
            assertThat(endpoint.get("port")).isEqualTo("http");
        });
        assertThat(on).filteredOn(d -> "PrometheusRule".equals(d.get("kind"))).hasSize(1);
        assertThat(on).filteredOn(d -> "ConfigMap".equals(d.get("kind"))
                && ((Map<?, ?>) ((Map<?, ?>) d.get("metadata")).get("labels")).containsKey("grafana_dashboard")).hasSize(1);

        List<Map<String, Object>> off = Chart.documents(Chart.template("tousu-test", List.of(),
                "metrics.serviceMonitor.enabled", false, "prometheusRule.enabled", false, "dashboards.enabled", false,
                "networkPolicy.enabled", false, "podDisruptionBudget.enabled", false));
        assertThat(off).extracting(d -> d.get("kind")).doesNotContain("ServiceMonitor", "PrometheusRule",
                "NetworkPolicy", "PodDisruptionBudget");
        assertThat(off).filteredOn(d -> "ConfigMap".equals(d.get("kind"))).hasSize(4);
    }

    @Test
    void ingressRoutesTheIntakeApiAndThePublicTrackingPageToIntake() {
        List<Ingress> ingresses = Chart.documents(Chart.template("tousu-test", List.of(), "ingress.enabled", true,
                "ingress.tracking.tlsSecret", "track-tls")).stream()
                .filter(d -> "Ingress".equals(d.get("kind"))).map(d -> Chart.STRICT.convertValue(d, Ingress.class)).toList();
        assertThat(ingresses).hasSize(2);
        Ingress tracking = ingresses.stream().filter(i -> i.getMetadata().getName().endsWith("-tracking")).findFirst().orElseThrow();
        assertThat(tracking.getSpec().getRules().get(0).getHttp().getPaths())
                .extracting(p -> p.getPath()).containsExactly("/track", "/api/v1/track");
        assertThat(tracking.getSpec().getTls()).singleElement().satisfies(t -> assertThat(t.getSecretName()).isEqualTo("track-tls"));
        assertThat(ingresses).allSatisfy(i -> assertThat(i.getSpec().getRules().get(0).getHttp().getPaths())
                .allSatisfy(p -> assertThat(p.getBackend().getService().getName()).isEqualTo("tousu-intake")));
        assertThat(Chart.template("tousu-test", List.of())).doesNotContain("kind: Ingress");
    }

    @Test
    void namespaceComesFromTheOverlayEvenWhenHelmIsGivenAnother() {
        List<Map<String, Object>> docs = Chart.documents(Chart.template("default", List.of(Chart.overlay("fujian"))));
        assertThat(docs).allSatisfy(d -> assertThat(((Map<?, ?>) d.get("metadata")).get("namespace")).isEqualTo("tousu-fj"));
    }

    private static void assertProbe(String name, Probe probe, String path) {
        assertThat(probe).as(path + " probe of " + name).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(name).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).as(name).isEqualTo("http");
        assertThat(probe.getPeriodSeconds()).as(name).isPositive();
        assertThat(probe.getFailureThreshold()).as(name).isPositive();
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> Map<String, T> byName(List<T> items) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(i.getMetadata().getName(), i));
        return map;
    }

    /** Walks a fabric8 model object: every field it did not know lands in additionalProperties. */
    private static void unknownFields(Object o, String path, List<String> out) {
        if (o == null || !o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object e : c) {
                    unknownFields(e, path + "[" + i++ + "]", out);
                }
            } else if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            }
            return;
        }
        try {
            for (PropertyDescriptor p : Introspector.getBeanInfo(o.getClass()).getPropertyDescriptors()) {
                Method read = p.getReadMethod();
                if (read == null || read.getParameterCount() > 0 || p.getName().equals("class")) {
                    continue;
                }
                Object v = read.invoke(o);
                if (p.getName().equals("additionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        out.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(v, path + "." + p.getName(), out);
                }
            }
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }
}
