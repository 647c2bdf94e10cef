package org.connectivecities.devsearch;

import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one real OpenSearch node for local development and CI, and blocks
 * until the JVM is told to stop (SIGTERM/SIGINT).
 *
 * Why not OpenSearchRunner.main: it takes the http port as "base + node
 * number", silently moves to the next free port when that one is busy,
 * refuses ports above 9299, cannot set node settings and swallows start-up
 * errors with a bare exit(1). Here the port is exact and failures are printed.
 *
 * Configuration (system properties, set by tools/services/opensearch.sh):
 *   devsearch.basePath  data/config/logs root (required)
 *   devsearch.port      HTTP port on 127.0.0.1 (default 9200)
 *   devsearch.cluster   cluster name (default connective-cities-dev)
 */
public final class DevOpenSearch {

    private DevOpenSearch() {
    }

    public static void main(final String[] args) {
        final String basePath = System.getProperty("devsearch.basePath");
        if (basePath == null || basePath.isBlank()) {
            System.err.println("devsearch.basePath system property is required");
            System.exit(2);
        }
        final int port = Integer.parseInt(System.getProperty("devsearch.port", "9200"));
        final String clusterName = System.getProperty("devsearch.cluster", "connective-cities-dev");

        final OpenSearchRunner runner = new OpenSearchRunner();
        // -1 disables the runner's "find the next free port" probing: a busy
        // port must fail loudly instead of starting a node somewhere else.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            settings.put("http.port", port);
            // Loopback only: no bootstrap checks, nothing exposed off-host.
            settings.put("network.host", "127.0.0.1");
            settings.put("transport.port", "9300-9400");
            // One node can never place replicas; 0 keeps cluster health green.
            settings.put("cluster.default_number_of_replicas", 0);
            // A nearly full developer disk must not flip indices to read-only.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("Error while closing OpenSearch: " + e);
            } finally {
                stopped.countDown();
            }
        }, "devsearch-shutdown"));

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(basePath)
                    .numOfNode(1)
                    .clusterName(clusterName)
                    .printOnFailure());
        } catch (final Throwable t) {
            System.err.println("OpenSearch failed to start:");
            t.printStackTrace();
            // exit() runs the shutdown hook, which closes anything half-started.
            System.exit(1);
        }
        System.out.println("DevOpenSearch: node started, http://127.0.0.1:" + port);

        try {
            stopped.await();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
