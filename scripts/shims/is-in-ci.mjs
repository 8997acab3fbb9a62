// Ink stops drawing frames when the CI variable is set. Engram decides for itself: the review
// only starts when stdin and stdout are terminals, so whoever sees it is a person at a
// terminal, even in a shell (or test run) that exports CI=true.
export default false;
