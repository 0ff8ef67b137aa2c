package wallet

import (
	"fmt"
	"math/big"
	"strings"
)

// CNXDecimals is the number of decimals of native CNX: 1 CNX = 10^18 wei.
const CNXDecimals = 18

var weiPerCNX = new(big.Int).Exp(big.NewInt(10), big.NewInt(CNXDecimals), nil)

// ParseCNX converts a decimal amount of CNX ("15", "15.0042", "0.5", ".5")
// to wei. An optional "CNX" unit suffix (any case) and surrounding
// whitespace are allowed. It rejects negative amounts, signs, exponents
// ("1e-18"), digit separators and more than 18 significant decimals
// (trailing zeros beyond 18 decimals are fine).
func ParseCNX(s string) (*big.Int, error) {
	t := strings.TrimSpace(s)
	if n := len(t); n >= 3 && strings.EqualFold(t[n-3:], "cnx") {
		t = strings.TrimSpace(t[:n-3])
	}
	fail := func(why string) (*big.Int, error) {
		return nil, fmt.Errorf("wallet: amount %q: %s; write a decimal number of CNX such as 15 or 0.25", s, why)
	}
	if t == "" {
		return fail("empty")
	}
	if t[0] == '-' {
		return fail("negative amounts are not allowed")
	}
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" && frac == "" {
		return fail("no digits")
	}
	if !allDigits(whole) || (hasDot && !allDigits(frac)) {
		return fail("only digits and one decimal point are allowed")
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > CNXDecimals {
		return fail("more than 18 decimals (1 wei = 0.000000000000000001 CNX)")
	}
	digits := whole + frac + strings.Repeat("0", CNXDecimals-len(frac))
	wei, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return fail("not a number")
	}
	return wei, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FormatCNX prints an amount of wei as decimal CNX without unit and without
// trailing zeros: 15004200000000000000 → "15.0042", 10^18 → "1",
// 1 → "0.000000000000000001". Negative amounts get a leading "-"; nil is "0".
// Callers add the unit: fmt.Sprintf("%s CNX", FormatCNX(wei)).
func FormatCNX(wei *big.Int) string {
	if wei == nil || wei.Sign() == 0 {
		return "0"
	}
	sign := ""
	if wei.Sign() < 0 {
		sign = "-"
	}
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(wei), weiPerCNX, new(big.Int))
	if r.Sign() == 0 {
		return sign + q.String()
	}
	rs := r.String()
	frac := strings.Repeat("0", CNXDecimals-len(rs)) + rs
	return sign + q.String() + "." + strings.TrimRight(frac, "0")
}
