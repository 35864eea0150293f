// build.log holds both builds, one after the other.
def log = new File(basedir, 'build.log').text
def second = log.indexOf('Building max-findings', log.indexOf('Building max-findings') + 1)
assert second > 0 : 'build.log does not hold two builds'
def allowed = log.substring(0, second)
def failed = log.substring(second)
def expect = { String part, String s -> assert part.contains(s) : "build.log lacks: " + s }
// maxFindings=1: the race is printed as a warning and the build passes.
expect(allowed, '[WARNING] RacyTest.java:10: data race on it.RacyTest.hits: ')
expect(allowed, 'BUILD SUCCESS')
// maxFindings=0: the same race is an error and fails the build.
expect(failed, '[ERROR] RacyTest.java:10: data race on it.RacyTest.hits: ')
expect(failed, 'threadcheck: 1 finding(s), more than maxFindings=0')
expect(failed, 'BUILD FAILURE')
true
