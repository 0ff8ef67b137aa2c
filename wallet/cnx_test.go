package wallet

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func wei(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return v
}

func TestParseCNX(t *testing.T) {
	for in, want := range map[string]string{
		"0":                        "0",
		"1":                        "1000000000000000000",
		"15":                       "15000000000000000000",
		"15.0042":                  "15004200000000000000",
		"15.0042 CNX":              "15004200000000000000",
		" 0.25cnx ":                "250000000000000000",
		".5":                       "500000000000000000",
		"2.":                       "2000000000000000000",
		"007.10":                   "7100000000000000000",
		"0.000000000000000001":     "1",
		"1.100000000000000000000":  "1100000000000000000",
		"123456789012345678901234": "123456789012345678901234000000000000000000",
	} {
		got, err := ParseCNX(in)
		require.NoError(t, err, in)
		assert.Equal(t, wei(want), got, in)
	}
	for in, why := range map[string]string{
		"":                      "empty",
		"CNX":                   "empty",
		"-1":                    "negative",
		"+1":                    "only digits",
		".":                     "no digits",
		"1.2.3":                 "only digits",
		"1e18":                  "only digits",
		"1,000":                 "only digits",
		"1_000":                 "only digits",
		"abc":                   "only digits",
		"0x10":                  "only digits",
		"1 000":                 "only digits",
		"0.0000000000000000001": "more than 18 decimals",
		"NaN":                   "only digits",
	} {
		_, err := ParseCNX(in)
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), why, in)
	}
}

func TestFormatCNX(t *testing.T) {
	for in, want := range map[string]string{
		"0":                     "0",
		"1":                     "0.000000000000000001",
		"1000000000000000000":   "1",
		"15004200000000000000":  "15.0042",
		"15000000000000000000":  "15",
		"250000000000000000":    "0.25",
		"-1500000000000000000":  "-1.5",
		"123456789000000000000": "123.456789",
	} {
		assert.Equal(t, want, FormatCNX(wei(in)), in)
	}
	assert.Equal(t, "0", FormatCNX(nil))
}

func TestCNXRoundTrip(t *testing.T) {
	for _, s := range []string{"0", "1", "15.0042", "0.000000000000000001", "400", "99999.999999999999999999"} {
		v, err := ParseCNX(s)
		require.NoError(t, err)
		assert.Equal(t, s, FormatCNX(v))
	}
}
