/**
 * A sh command (for a fake git on PATH) that holds its process until `condition`, a sh test,
 * holds: looking every 10 ms, so that an overlap a test asserts is made to happen, in
 * milliseconds, instead of hoped for from a sleep long enough. The wait is bounded: past `seconds`
 * it appends `timeout <what>` to `log` and goes on, so that a rendezvous that never comes (the bug
 * the test is there for) fails the test on the order it then sees, or on that line, instead of
 * hanging until the test's own timeout.
 */
export function shWaitUntil(condition: string, log: string, what: string, seconds = 15): string {
  const giveUp = `if [ "$(date +%s)" -ge "$end" ]; then echo "timeout ${what}" >>${log}; break; fi`;
  return `end=$(($(date +%s) + ${seconds})); until ${condition}; do ${giveUp}; sleep 0.01; done`;
}
