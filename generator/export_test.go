package generator

// FailRenameAfter makes the n+1th rename of a Write fail, until the returned func restores
// the real one: the tests' way to break a write partway, which permissions cannot do for root.
func FailRenameAfter(n int, err error) (restore func()) {
	real := renameFile
	renameFile = func(from, to string) error {
		if n == 0 {
			return err
		}
		n--
		return real(from, to)
	}
	return func() { renameFile = real }
}
