// Both races were found and accepted: one by the suppressions file, one by the baseline.
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
expect('threadcheck: suppressed by race:it.legacy.*: race it.legacy.LegacyTest.visits ')
expect(', 0 data race(s), 0 deadlock(s) (0 occurred or confirmed), 1 suppressed, 1 known from the baseline ')
assert !log.contains('data race on ') : 'an accepted race was printed as a finding'
expect('BUILD SUCCESS')
true
