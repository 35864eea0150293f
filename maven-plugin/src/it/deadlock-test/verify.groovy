// The deadlocked test JVM was ended by the agent (exit status 86), the report names the cycle
// with the lines of both synchronized blocks, and the build failed instead of hanging.
def jvmReports = { String dir -> (new File(basedir, dir).listFiles() ?: []).findAll { it.name ==~ /jvm-[0-9]+/ }.collect { new File(it, 'threadcheck-report.json') }.findAll { it.isFile() } }
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('BUILD FAILURE')
def reports = jvmReports('target/threadcheck/default')
assert reports.size() == 1 : "expected one report in target/threadcheck/default/jvm-<pid>/: " + reports
def report = reports[0]
def json = new groovy.json.JsonSlurper().parse(report)
def occurred = json.deadlocks.findAll { it.status == 'occurred' }
assert occurred.size() == 1 : "expected one deadlock that occurred: " + json.deadlocks
assert occurred[0].cycle*.thread.sort() == ['a-to-b', 'b-to-a']
assert occurred[0].cycle.every { it.acquired.site.file == 'DeadlockTest.java' && it.acquired.site.line == 29 }
true
