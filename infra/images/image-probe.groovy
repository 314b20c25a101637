// Runs (gmavenplus) in every module of `./mvnw -Pimages package`, before Jib, and decides for this module:
//   - no image at all, when the module does not set orderhub.image.port (libraries, tests, bench);
//   - a local Docker daemon (jib:dockerBuild) when one answers `docker info`, otherwise a tar file
//     (jib:buildTar, no daemon needed), unless -Dorderhub.image.target=tar|docker|registry says which
//     (registry: pushed to orderhub.image.repository by jib:build, with Docker's credential helpers);
//   - no image, with a warning that says why, when the base image cannot be fetched from here. Jib itself
//     would fail the whole build; the rest of the build must still pass on a machine without registry
//     access. A release pipeline sets -Dorderhub.image.required=true, which turns that warning into a
//     build failure, so a missing image can never pass silently there.
// The decision is handed to the three Jib executions through project properties that the POM deliberately
// does not define: Maven would otherwise interpolate them when it reads the POM, before this runs.

import java.util.concurrent.TimeUnit

String setting(String name, String fallback) {
    def value = session.userProperties.getProperty(name) ?: project.properties.getProperty(name)
    return value ? value.trim() : fallback
}

void decide(String target) {
    ['tar', 'docker', 'registry'].each {
        project.properties.setProperty("orderhub.image.${it}.skip".toString(), String.valueOf(it != target))
    }
}

if (!setting('orderhub.image.port', null)) {
    decide('none')
    log.debug("${project.artifactId} is not an image module (no orderhub.image.port)")
    return
}

String base = setting('orderhub.image.base', 'eclipse-temurin:17-jre')
String target = setting('orderhub.image.target', 'auto')
boolean required = Boolean.parseBoolean(setting('orderhub.image.required', 'false'))
String image = "${setting('orderhub.image.repository', 'orderhub')}/${project.artifactId}:${project.version}"

// Whether a Docker daemon answers, through the docker CLI (which knows DOCKER_HOST, contexts, sockets).
boolean daemonAnswers() {
    try {
        def process = new ProcessBuilder('docker', 'info', '--format', '{{.ServerVersion}}')
                .redirectErrorStream(true).start()
        process.inputStream.text
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0
    } catch (IOException noDockerCli) {
        return false
    }
}

// The registry host of an image reference, as Docker resolves it: the first path part when it looks like
// a host (has a dot or a port, or is localhost), Docker Hub otherwise.
String registryOf(String reference) {
    def first = reference.split('/')[0]
    boolean host = reference.contains('/') && (first.contains('.') || first.contains(':') || first == 'localhost')
    return host ? first : 'registry-1.docker.io'
}

// Null when the registry answers at all (any HTTP status: 401 is the normal answer to an anonymous /v2/),
// otherwise why not.
String registryProblem(String host) {
    try {
        InetAddress.getByName(host.replaceFirst(/:\d+$/, ''))
    } catch (UnknownHostException e) {
        return "its registry ${host} cannot be resolved from this machine (no DNS answer)"
    }
    try {
        def connection = new URL("https://${host}/v2/").openConnection()
        connection.connectTimeout = 10_000
        connection.readTimeout = 10_000
        connection.responseCode
        return null
    } catch (IOException e) {
        return "its registry ${host} does not answer from this machine (${e.class.simpleName}: ${e.message})"
    }
}

if (!(target in ['auto', 'tar', 'docker', 'registry'])) {
    throw new IllegalStateException("-Dorderhub.image.target=${target}: use auto, tar, docker or registry")
}
if (target == 'auto') {
    target = daemonAnswers() ? 'docker' : 'tar'
} else if (target == 'docker' && !daemonAnswers()) {
    throw new IllegalStateException("-Dorderhub.image.target=docker, but no Docker daemon answers `docker info`")
}

String problem
if (base.startsWith('docker://')) {
    problem = daemonAnswers() ? null : "it is to come from a Docker daemon (${base}), and none answers `docker info`"
} else if (base.startsWith('tar://')) {
    def file = new File(base.substring('tar://'.length()))
    problem = file.isFile() ? null : "it is to come from the file ${file}, which does not exist"
} else {
    problem = registryProblem(registryOf(base))
}

if (problem != null) {
    def message = """
        |Image ${image} NOT built: Jib builds it on the base image ${base}, and ${problem}.
        |Nothing was faked: the jar and everything else of this build are complete; only the image is missing.
        |To build it: run this on a machine that reaches that registry, or point the build at a base image it
        |can reach: -Dorderhub.image.base=<your-registry>/eclipse-temurin:17-jre (a mirror),
        |docker://eclipse-temurin:17-jre (a local Docker daemon) or tar:///path/to/base-image.tar.""".stripMargin()
    if (required) {
        throw new IllegalStateException(message + "\n(-Dorderhub.image.required=true: failing the build.)")
    }
    log.warn(message)
    decide('none')
    return
}

decide(target)
def where = [tar: "to target/${project.artifactId}-image.tar", docker: 'into the local Docker daemon',
             registry: "and pushing it to ${image}"]
log.info("Image ${image} on ${base}: building it ${where[target]}")
