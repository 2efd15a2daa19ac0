package itss

import "sync"

// handle guards the C object of a Catalog, MaturityModel or IndicatorCatalog:
// any number of goroutines may use it at once, Close waits for them and
// marks it closed.
type handle struct {
	mu     sync.RWMutex
	closed bool
}

// use runs f unless the handle was closed; what names the object in the
// error ("catalog", ...).
func (h *handle) use(what string, f func() error) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.closed {
		return goError(cEINVAL, "the %s was closed", what)
	}
	return f()
}

// close runs free once, after every use in progress has finished.
func (h *handle) close(free func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		free()
	}
}
