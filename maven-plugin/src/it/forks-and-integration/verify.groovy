// Each test JVM wrote its own report (surefire's two forks, failsafe's one apart from them),
// failsafe's JVM got one threadcheck agent, not two, and check found the race of every JVM.
def jvmReports = { String dir -> (new File(basedir, dir).listFiles() ?: []).findAll { it.name ==~ /jvm-[0-9]+/ }.collect { new File(it, 'threadcheck-report.json') }.findAll { it.isFile() } }
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
assert jvmReports('target/threadcheck/default').size() == 2 : 'expected a report per surefire fork'
assert jvmReports('target/threadcheck/default-it').size() == 1 : 'expected one report of the failsafe JVM'
def settings = log.readLines().findAll { it.contains('threadcheck: argLine set to') }
assert settings.size() == 2 : settings
assert settings[1].count('-javaagent:') == 1 : 'failsafe got the agent twice: ' + settings[1]
assert settings[1].contains('default-it' + File.separator + 'jvm-%p')
expect('FirstRacyTest.java:10: data race on it.FirstRacyTest.first: ')
expect('SecondRacyTest.java:10: data race on it.SecondRacyTest.second: ')
expect('RacyIT.java:10: data race on it.RacyIT.third: ')
expect('threadcheck: 3 report(s) under')
expect('threadcheck: 3 data race(s) found (failOnRace)')
expect('BUILD FAILURE')
true
