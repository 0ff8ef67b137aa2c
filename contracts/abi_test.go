package contracts_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// specContracts are the contracts whose client-facing ABI must equal the spec's.
var specContracts = []string{"VSSTask", "Node", "QOS", "TaskQueue", "NetworkStats"}

// abiParam is one input, output or component of an ABI entry, with every field
// that changes what abigen generates or what goes on the wire.
type abiParam struct {
	Name         string     `json:"name"`
	Type         string     `json:"type"`
	InternalType string     `json:"internalType"`
	Indexed      bool       `json:"indexed"`
	Components   []abiParam `json:"components"`
}

// abiEntry is one function, event, error, constructor, fallback or receive.
type abiEntry struct {
	Type            string     `json:"type"`
	Name            string     `json:"name"`
	StateMutability string     `json:"stateMutability"`
	Anonymous       bool       `json:"anonymous"`
	Inputs          []abiParam `json:"inputs"`
	Outputs         []abiParam `json:"outputs"`
}

// specABIDir finds the spec ABIs: the shared dir found by walking up from the
// package dir (/work/shared here, a sibling of the clone root on CI), else the
// copy in contracts/spec-abi. Under CI=true the shared dir must be found.
func specABIDir(t *testing.T) (dir string, shared bool) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	for d := wd; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "shared", "spec", "abi")
		if st, err := os.Stat(candidate); err == nil && st.IsDir() {
			return candidate, true
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("shared/spec/abi not found in any parent of %s; on CI the shared dir must be checked out next to the clone", wd)
	}
	return filepath.Join(wd, "spec-abi"), false
}

func readABI(t *testing.T, path string) []abiEntry {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err, "read ABI %s (run `go generate ./...` at the repo root to build the contracts)", path)
	var entries []abiEntry
	require.NoError(t, json.Unmarshal(data, &entries), "decode ABI %s", path)
	return entries
}

func entryKey(e abiEntry) string {
	if e.Name == "" {
		return e.Type
	}
	return e.Type + " " + e.Name
}

// groupEntries maps "type name" to the entries with that key, in file order
// (several entries per key only for overloads).
func groupEntries(entries []abiEntry) map[string][]abiEntry {
	out := make(map[string][]abiEntry)
	for _, e := range entries {
		out[entryKey(e)] = append(out[entryKey(e)], e)
	}
	return out
}

func diffParams(path string, got, want []abiParam) []string {
	var diffs []string
	if len(got) != len(want) {
		return append(diffs, fmt.Sprintf("%s: %d params, want %d (got %s, want %s)", path, len(got), len(want), paramList(got), paramList(want)))
	}
	for i := range want {
		p := fmt.Sprintf("%s[%d]", path, i)
		g, w := got[i], want[i]
		if g.Name != w.Name {
			diffs = append(diffs, fmt.Sprintf("%s.name: %q, want %q", p, g.Name, w.Name))
		}
		if g.Type != w.Type {
			diffs = append(diffs, fmt.Sprintf("%s.type: %q, want %q", p, g.Type, w.Type))
		}
		if g.InternalType != w.InternalType {
			diffs = append(diffs, fmt.Sprintf("%s.internalType: %q, want %q", p, g.InternalType, w.InternalType))
		}
		if g.Indexed != w.Indexed {
			diffs = append(diffs, fmt.Sprintf("%s.indexed: %v, want %v", p, g.Indexed, w.Indexed))
		}
		diffs = append(diffs, diffParams(p+".components", g.Components, w.Components)...)
	}
	return diffs
}

func paramList(ps []abiParam) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Type + " " + p.Name
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func diffEntry(key string, got, want abiEntry) []string {
	var diffs []string
	if got.StateMutability != want.StateMutability {
		diffs = append(diffs, fmt.Sprintf("%s: stateMutability %q, want %q", key, got.StateMutability, want.StateMutability))
	}
	if got.Anonymous != want.Anonymous {
		diffs = append(diffs, fmt.Sprintf("%s: anonymous %v, want %v", key, got.Anonymous, want.Anonymous))
	}
	diffs = append(diffs, diffParams(key+" inputs", got.Inputs, want.Inputs)...)
	diffs = append(diffs, diffParams(key+" outputs", got.Outputs, want.Outputs)...)
	return diffs
}

// diffABI lists every difference between two ABIs, one line each, naming the entry.
func diffABI(got, want []abiEntry) []string {
	g, w := groupEntries(got), groupEntries(want)
	keys := make(map[string]bool)
	for k := range g {
		keys[k] = true
	}
	for k := range w {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var diffs []string
	for _, k := range sorted {
		ge, we := g[k], w[k]
		switch {
		case len(we) == 0:
			diffs = append(diffs, fmt.Sprintf("%s: not in the spec ABI", k))
		case len(ge) == 0:
			diffs = append(diffs, fmt.Sprintf("%s: missing", k))
		case len(ge) != len(we):
			diffs = append(diffs, fmt.Sprintf("%s: %d overloads, want %d", k, len(ge), len(we)))
		default:
			for i := range we {
				diffs = append(diffs, diffEntry(k, ge[i], we[i])...)
			}
		}
	}
	return diffs
}

// TestABIMatchesSpec requires the compiled ABI of each client-facing contract to be
// identical, entry by entry, to the spec ABI, so that bindings generated from either
// are the same and the SDK works against the original deployment.
func TestABIMatchesSpec(t *testing.T) {
	specDir, _ := specABIDir(t)
	for _, name := range specContracts {
		t.Run(name, func(t *testing.T) {
			got := readABI(t, filepath.Join("build", name+".abi.json"))
			want := readABI(t, filepath.Join(specDir, name+".abi.json"))
			diffs := diffABI(got, want)
			require.Empty(t, diffs, "%s ABI differs from %s:\n%s", name, specDir, strings.Join(diffs, "\n"))
		})
	}
}

// TestSpecABICopyIsCurrent requires contracts/spec-abi (used when the shared dir is
// absent) to hold the same ABIs as the shared spec.
func TestSpecABICopyIsCurrent(t *testing.T) {
	specDir, shared := specABIDir(t)
	if !shared {
		t.Skip("shared spec dir not present; contracts/spec-abi is the reference")
	}
	for _, name := range specContracts {
		want := readABI(t, filepath.Join(specDir, name+".abi.json"))
		got := readABI(t, filepath.Join("spec-abi", name+".abi.json"))
		require.True(t, reflect.DeepEqual(got, want), "contracts/spec-abi/%s.abi.json is out of date; copy it from %s", name, specDir)
	}
}

// TestDiffABIReportsDifferences checks that the comparison itself catches each kind
// of difference, so that a passing TestABIMatchesSpec means something.
func TestDiffABIReportsDifferences(t *testing.T) {
	base := func() []abiEntry {
		return []abiEntry{
			{Type: "constructor", StateMutability: "nonpayable"},
			{Type: "function", Name: "getTask", StateMutability: "view",
				Inputs: []abiParam{{Name: "c", Type: "bytes32", InternalType: "bytes32"}},
				Outputs: []abiParam{{Type: "tuple", InternalType: "struct VSSTask.TaskInfo", Components: []abiParam{
					{Name: "taskType", Type: "uint8", InternalType: "enum VSSTask.TaskType"},
				}}}},
			{Type: "event", Name: "TaskQueued", Inputs: []abiParam{{Name: "c", Type: "bytes32", InternalType: "bytes32"}}},
			{Type: "error", Name: "OwnableInvalidOwner", Inputs: []abiParam{{Name: "owner", Type: "address", InternalType: "address"}}},
		}
	}
	require.Empty(t, diffABI(base(), base()))

	cases := map[string]struct {
		mutate func([]abiEntry) []abiEntry
		want   string
	}{
		"mutability":   {func(e []abiEntry) []abiEntry { e[1].StateMutability = "nonpayable"; return e }, "function getTask: stateMutability"},
		"component":    {func(e []abiEntry) []abiEntry { e[1].Outputs[0].Components[0].InternalType = "uint8"; return e }, "function getTask outputs[0].components[0].internalType"},
		"indexed":      {func(e []abiEntry) []abiEntry { e[2].Inputs[0].Indexed = true; return e }, "event TaskQueued inputs[0].indexed"},
		"input name":   {func(e []abiEntry) []abiEntry { e[3].Inputs[0].Name = "x"; return e }, "error OwnableInvalidOwner inputs[0].name"},
		"extra":        {func(e []abiEntry) []abiEntry { return append(e, abiEntry{Type: "function", Name: "extra"}) }, "function extra: not in the spec ABI"},
		"missing":      {func(e []abiEntry) []abiEntry { return e[1:] }, "constructor: missing"},
		"output count": {func(e []abiEntry) []abiEntry { e[1].Outputs = nil; return e }, "function getTask outputs: 0 params, want 1"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			diffs := diffABI(c.mutate(base()), base())
			require.NotEmpty(t, diffs)
			require.Contains(t, strings.Join(diffs, "\n"), c.want)
		})
	}
}
