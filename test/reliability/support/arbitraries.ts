// The generators live with the fuzz run (bench/fuzz/) that shares them; other
// tests import them from here.
export * from '../../../bench/fuzz/arbitraries.js'
