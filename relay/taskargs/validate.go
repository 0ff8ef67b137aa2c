package taskargs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FieldError says which field of a task-args document breaks the schema.
type FieldError struct {
	// Field is the dotted path of the field, e.g. "train_args.batch_size" or
	// "lora.target_modules[1]"; empty for the document itself.
	Field string
	// Message says what the schema expects.
	Message string
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return "invalid fine-tune task args: " + e.Message
	}
	return "invalid fine-tune task args: " + e.Field + ": " + e.Message
}

// FieldErrors is every schema violation found in one document, in document
// order. errors.As(err, &fe) with fe *FieldError yields the first.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		if e.Field == "" {
			msgs[i] = e.Message
		} else {
			msgs[i] = e.Field + ": " + e.Message
		}
	}
	return "invalid fine-tune task args: " + strings.Join(msgs, "; ")
}

// Unwrap exposes each *FieldError to errors.As and errors.Is.
func (es FieldErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Validate checks the JSON document raw against schema s and returns nil when
// JSON-schema validation against SchemaJSON(s) would accept it, or FieldErrors
// listing every violation. Like the schema, it allows extra keys and asserts
// format "uri" on dataset.url (an absolute URI). Note that SchemaLatest itself
// accepts a dataset with neither name nor url; the trainer does not.
func Validate(raw []byte, s Schema) error {
	if !s.Valid() {
		return fmt.Errorf("taskargs: unknown schema %q: use %q or %q", string(s), SchemaVSS, SchemaLatest)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return FieldErrors{{Message: "not valid JSON: " + err.Error()}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return FieldErrors{{Message: "not valid JSON: unexpected data after the top-level value"}}
	}
	var errs FieldErrors
	rootRule(s).check("", doc, &errs)
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// kind is a bit set of JSON-schema types.
type kind uint8

const (
	kNull kind = 1 << iota
	kBool
	kInt // "integer": a number with an integral value
	kNum
	kStr
	kObj
	kArr
)

func (k kind) String() string {
	var names []string
	for _, p := range []struct {
		k kind
		n string
	}{{kNull, "null"}, {kBool, "a boolean"}, {kInt, "an integer"}, {kNum, "a number"},
		{kStr, "a string"}, {kObj, "an object"}, {kArr, "an array"}} {
		if k&p.k != 0 {
			names = append(names, p.n)
		}
	}
	return strings.Join(names, " or ")
}

// bound is a numeric limit of the schema (all are small integers).
type bound struct {
	v         int64
	exclusive bool
}

// rule is one schema node, written out by hand from the two schema files.
type rule struct {
	kinds    kind
	enum     []string
	min, max *bound
	minLen   int
	maxLen   int // 0: none
	uri      bool
	props    []prop
	required []string
	items    *rule
	anyOf    []*rule
}

type prop struct {
	name string
	r    *rule
}

func typ(k kind) *rule { return &rule{kinds: k} }

func (r *rule) withMin(v int64, excl bool) *rule { r.min = &bound{v, excl}; return r }
func (r *rule) withMax(v int64) *rule            { r.max = &bound{v: v}; return r }
func (r *rule) withEnum(vals ...string) *rule    { r.enum = vals; return r }
func (r *rule) withMinLen(n int) *rule           { r.minLen = n; return r }

func obj(required []string, props ...prop) *rule {
	return &rule{kinds: kObj, props: props, required: required}
}

func anyOf(alts ...*rule) *rule { return &rule{anyOf: alts} }

func orNull(r *rule) *rule { return anyOf(r, typ(kNull)) }

// rootRule builds the rule tree of schema s (cheap, built per call so that the
// package holds no mutable state).
func rootRule(s Schema) *rule {
	var dataset *rule
	if s == SchemaVSS {
		dataset = obj([]string{"name"},
			prop{"name", typ(kStr).withMinLen(1)},
			prop{"config_name", orNull(typ(kStr))},
			prop{"image_column", typ(kStr)},
			prop{"caption_column", typ(kStr)},
		)
	} else {
		dataset = obj(nil,
			prop{"url", orNull(&rule{kinds: kStr, minLen: 1, maxLen: 2083, uri: true})},
			prop{"name", orNull(typ(kStr).withMinLen(1))},
			prop{"config_name", orNull(typ(kStr))},
			prop{"image_column", typ(kStr)},
			prop{"caption_column", typ(kStr)},
		)
	}
	trainArgs := obj(nil,
		prop{"learning_rate", typ(kNum).withMin(0, true)},
		prop{"batch_size", typ(kInt).withMin(1, false)},
		prop{"gradient_accumulation_steps", typ(kInt).withMin(1, false)},
		prop{"prediction_type", orNull(typ(kStr).withEnum(PredictionTypes()...))},
		prop{"max_grad_norm", typ(kNum)},
		prop{"num_train_epochs", typ(kInt).withMin(1, false)},
		prop{"num_train_steps", orNull(typ(kInt).withMin(1, false))},
		prop{"max_train_epochs", typ(kInt).withMin(1, false)},
		prop{"max_train_steps", orNull(typ(kInt).withMin(1, false))},
		prop{"scale_lr", typ(kBool)},
		prop{"resolution", typ(kInt).withMin(1, false)},
		prop{"noise_offset", typ(kNum)},
		prop{"snr_gamma", orNull(typ(kNum))},
		prop{"lr_scheduler", obj(nil,
			prop{"lr_scheduler", typ(kStr).withEnum(LRSchedulers()...)},
			prop{"lr_warmup_steps", typ(kInt)},
		)},
		prop{"adam_args", obj(nil,
			prop{"beta1", typ(kNum)},
			prop{"beta2", typ(kNum)},
			prop{"weight_decay", typ(kNum)},
			prop{"epsilon", typ(kNum)},
		)},
	)
	return obj([]string{"model", "dataset", "validation", "train_args"},
		prop{"model", obj([]string{"name"},
			prop{"name", typ(kStr).withMinLen(1)},
			prop{"variant", orNull(typ(kStr))},
			prop{"revision", typ(kStr)},
		)},
		prop{"dataset", dataset},
		prop{"validation", obj(nil,
			prop{"prompt", orNull(typ(kStr))},
			prop{"num_images", typ(kInt).withMin(1, false).withMax(10)},
		)},
		prop{"train_args", trainArgs},
		prop{"lora", obj(nil,
			prop{"rank", typ(kInt)},
			prop{"init_lora_weights", anyOf(typ(kBool), typ(kStr).withEnum("gaussian", "loftq"))},
			prop{"target_modules", anyOf(&rule{kinds: kArr, items: typ(kStr)}, typ(kStr), typ(kNull))},
		)},
		prop{"transforms", obj(nil,
			prop{"center_crop", typ(kBool)},
			prop{"random_flip", typ(kBool)},
		)},
		prop{"dataloader_num_workers", typ(kInt)},
		prop{"mixed_precision", typ(kStr).withEnum(MixedPrecisions()...)},
		prop{"seed", typ(kInt)},
		prop{"checkpoint", orNull(typ(kStr).withMinLen(1))},
		prop{"version", typ(kStr).withEnum(Versions(s)...)},
	)
}

// check appends every violation of r by v (at path) to errs.
func (r *rule) check(path string, v any, errs *FieldErrors) {
	add := func(format string, a ...any) {
		*errs = append(*errs, &FieldError{Field: path, Message: fmt.Sprintf(format, a...)})
	}
	if r.anyOf != nil {
		var typeMatch FieldErrors
		matches := 0
		for _, alt := range r.anyOf {
			var sub FieldErrors
			alt.check(path, v, &sub)
			if len(sub) == 0 {
				return
			}
			if alt.kinds.matches(v) {
				matches++
				typeMatch = sub
			}
		}
		if matches == 1 {
			// Only one alternative has the value's type: its own complaint is
			// the most useful ("must be ≥ 1", "relative URL", ...).
			*errs = append(*errs, typeMatch...)
			return
		}
		descs := make([]string, len(r.anyOf))
		for i, alt := range r.anyOf {
			descs[i] = alt.describe()
		}
		add("must be %s, got %s", strings.Join(descs, ", or "), show(v))
		return
	}
	if !r.kinds.matches(v) {
		add("must be %s, got %s", r.kinds, show(v))
		return
	}
	switch x := v.(type) {
	case string:
		if r.enum != nil && !slices.Contains(r.enum, x) {
			add("must be one of %s, got %q", quoteAll(r.enum), x)
		}
		n := utf8.RuneCountInString(x)
		switch {
		case r.minLen == 1 && n == 0:
			add("must not be empty")
		case n < r.minLen:
			add("must be at least %d characters long, got %q", r.minLen, x)
		}
		if r.maxLen > 0 && n > r.maxLen {
			add("must be at most %d characters long, got %d", r.maxLen, n)
		}
		if r.uri {
			if err := checkURI(x); err != nil {
				add("must be an absolute URI: %v", err)
			}
		}
	case json.Number:
		d := parseDecimal(string(x))
		if b := r.min; b != nil {
			c := d.cmp(b.v)
			if c < 0 || (b.exclusive && c == 0) {
				op := "≥"
				if b.exclusive {
					op = ">"
				}
				add("must be %s %d, got %s", op, b.v, x)
			}
		}
		if b := r.max; b != nil && d.cmp(b.v) > 0 {
			add("must be ≤ %d, got %s", b.v, x)
		}
	case map[string]any:
		for _, name := range r.required {
			if _, ok := x[name]; !ok {
				*errs = append(*errs, &FieldError{Field: join(path, name), Message: "is required"})
			}
		}
		for _, p := range r.props {
			if pv, ok := x[p.name]; ok {
				p.r.check(join(path, p.name), pv, errs)
			}
		}
	case []any:
		if r.items != nil {
			for i, item := range x {
				r.items.check(fmt.Sprintf("%s[%d]", path, i), item, errs)
			}
		}
	}
}

// describe is a short human description of what r accepts, for anyOf messages.
func (r *rule) describe() string {
	if r.kinds == kStr && r.enum != nil {
		return "one of " + quoteAll(r.enum)
	}
	if r.kinds == kArr && r.items != nil {
		return "an array of " + strings.TrimPrefix(r.items.describe(), "a ") + "s"
	}
	d := r.kinds.String()
	switch {
	case r.minLen == 1:
		d = "a non-empty string"
	case r.minLen > 1:
		d += fmt.Sprintf(" of at least %d characters", r.minLen)
	}
	if r.uri {
		d = "an absolute URI string"
		if r.maxLen > 0 {
			d += fmt.Sprintf(" of at most %d characters", r.maxLen)
		}
	}
	if r.min != nil {
		op := "≥"
		if r.min.exclusive {
			op = ">"
		}
		d += fmt.Sprintf(" %s %d", op, r.min.v)
	}
	return d
}

func (k kind) matches(v any) bool {
	switch x := v.(type) {
	case nil:
		return k&kNull != 0
	case bool:
		return k&kBool != 0
	case json.Number:
		if k&kNum != 0 {
			return true
		}
		return k&kInt != 0 && parseDecimal(string(x)).isInt()
	case string:
		return k&kStr != 0
	case map[string]any:
		return k&kObj != 0
	case []any:
		return k&kArr != 0
	}
	return false
}

// checkURI implements format "uri": parseable as a URL, absolute (has a
// scheme), and an IPv6 host literal must be bracketed and valid.
func checkURI(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if host := u.Hostname(); strings.Contains(host, ":") {
		if !strings.Contains(u.Host, "[") || !strings.Contains(u.Host, "]") {
			return errors.New("IPv6 address not enclosed in brackets")
		}
		addr, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("invalid IPv6 address: %w", err)
		}
		if addr.Zone() != "" {
			return errors.New("IPv6 zone ids are not allowed")
		}
	}
	if !u.IsAbs() {
		return errors.New("relative URL, it needs a scheme such as https://")
	}
	return nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func quoteAll(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

// show renders a JSON value briefly for an error message.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if len(x) > 64 {
			x = x[:64] + "…"
		}
		return strconv.Quote(x)
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("%v", v)
}

// decimal is an exact JSON number: (-1)^neg × digits × 10^exp, with digits
// free of leading and trailing zeros ("" for zero). It avoids building huge
// big.Rat values for numbers such as 1e999999999.
type decimal struct {
	neg    bool
	digits string
	exp    int64
}

// parseDecimal parses a JSON number literal (already syntax-checked by the decoder).
func parseDecimal(s string) decimal {
	var d decimal
	if strings.HasPrefix(s, "-") {
		d.neg = true
		s = s[1:]
	}
	mant, expPart, _ := strings.Cut(strings.ToLower(s), "e")
	if expPart != "" {
		e, err := strconv.ParseInt(expPart, 10, 64)
		if err != nil { // out of int64 range: clamp, the magnitude is all that matters
			e = 1 << 40
			if strings.HasPrefix(expPart, "-") {
				e = -e
			}
		}
		d.exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	d.digits = intPart + frac
	d.exp -= int64(len(frac))
	d.digits = strings.TrimLeft(d.digits, "0")
	trimmed := strings.TrimRight(d.digits, "0")
	d.exp += int64(len(d.digits) - len(trimmed))
	d.digits = trimmed
	if d.digits == "" {
		d.neg, d.exp = false, 0
	}
	return d
}

func (d decimal) isInt() bool { return d.digits == "" || d.exp >= 0 }

// cmp compares d with k and returns -1, 0 or +1.
func (d decimal) cmp(k int64) int {
	sign := func(neg bool) int {
		if neg {
			return -1
		}
		return 1
	}
	if d.digits == "" {
		switch {
		case k > 0:
			return -1
		case k < 0:
			return 1
		}
		return 0
	}
	order := int64(len(d.digits)) + d.exp // |d| is in [10^(order-1), 10^order)
	if order > 20 {                       // |d| ≥ 10^20 > |k|
		return sign(d.neg)
	}
	if order < -20 { // 0 < |d| < 10^-20
		switch {
		case k == 0:
			return sign(d.neg)
		case k > 0:
			return -1
		}
		return 1
	}
	r, _ := new(big.Rat).SetString(d.digits)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(abs(d.exp)), nil)
	if d.exp >= 0 {
		r.Mul(r, new(big.Rat).SetInt(p))
	} else {
		r.Quo(r, new(big.Rat).SetInt(p))
	}
	if d.neg {
		r.Neg(r)
	}
	return r.Cmp(new(big.Rat).SetInt64(k))
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
