package wallet

import (
	"context"
	"fmt"
	"math/big"
	"net/url"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// externalBackend names the backend in errors.
const externalBackend = "external signer (clef)"

const externalHint = "use a keystore, mnemonic or raw key signer for Relay auth and VRF"

// ExternalSigner signs transactions through clef's external API
// (account_signTransaction over JSON-RPC). Clef keeps the key and offers no
// raw-digest signing, public-key export or VRF, so SignDigest, PublicKey and
// ProveVRF return *UnsupportedError.
// Use it for the account that pays, and a key-holding Signer where Relay
// authentication and VRF are needed.
type ExternalSigner struct {
	client  *rpc.Client
	address common.Address
	url     string // redacted, for errors
}

var _ Signer = (*ExternalSigner)(nil)

// NewExternalSigner connects to clef's HTTP JSON-RPC endpoint at rawURL
// (e.g. "http://127.0.0.1:8550", clef started with --http; a path to clef's
// IPC socket is accepted too) and checks that it answers account_version.
// address is the clef-managed account transactions are signed with. Close
// the signer when done.
func NewExternalSigner(ctx context.Context, rawURL string, address common.Address) (*ExternalSigner, error) {
	shown := redactURL(rawURL)
	client, err := rpc.DialContext(ctx, rawURL)
	if err != nil {
		return nil, fmt.Errorf("wallet: connect to %s at %s: %w; check the URL and that clef runs with --http", externalBackend, shown, err)
	}
	var version string
	if err := client.CallContext(ctx, &version, "account_version"); err != nil {
		client.Close()
		return nil, fmt.Errorf("wallet: %s at %s does not answer account_version: %w; check the URL and that clef runs with --http", externalBackend, shown, err)
	}
	return &ExternalSigner{client: client, address: address, url: shown}, nil
}

// redactURL hides user info (a password in the URL) from error messages.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Close closes the connection to clef.
func (s *ExternalSigner) Close() { s.client.Close() }

// Address implements Signer.
func (s *ExternalSigner) Address() common.Address { return s.address }

// signTxResult is clef's reply to account_signTransaction.
type signTxResult struct {
	Raw hexutil.Bytes      `json:"raw"`
	Tx  *types.Transaction `json:"tx"`
}

// SignTx implements Signer by asking clef to sign (clef may ask its user to
// approve). Legacy, access-list and dynamic-fee transactions are supported.
// The signed transaction must be the one requested and recover to Address;
// if clef's user edited it (gas, nonce, …) SignTx fails rather than send a
// transaction the caller did not build.
func (s *ExternalSigner) SignTx(ctx context.Context, tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	if chainID == nil || chainID.Sign() <= 0 {
		return nil, fmt.Errorf("wallet: %s: sign transaction: a positive chain ID is required", externalBackend)
	}
	if tx.Type() != types.LegacyTxType && tx.ChainId().Sign() != 0 && tx.ChainId().Cmp(chainID) != 0 {
		return nil, fmt.Errorf("wallet: %s: transaction is for chain %s but signing for chain %s", externalBackend, tx.ChainId(), chainID)
	}
	input := hexutil.Bytes(tx.Data())
	args := apitypes.SendTxArgs{
		From:    common.NewMixedcaseAddress(s.address),
		Gas:     hexutil.Uint64(tx.Gas()),
		Value:   hexutil.Big(*tx.Value()),
		Nonce:   hexutil.Uint64(tx.Nonce()),
		Input:   &input,
		ChainID: (*hexutil.Big)(chainID),
	}
	if to := tx.To(); to != nil {
		m := common.NewMixedcaseAddress(*to)
		args.To = &m
	}
	switch tx.Type() {
	case types.LegacyTxType:
		args.GasPrice = (*hexutil.Big)(tx.GasPrice())
	case types.AccessListTxType:
		args.GasPrice = (*hexutil.Big)(tx.GasPrice())
		al := tx.AccessList()
		args.AccessList = &al
	case types.DynamicFeeTxType:
		args.MaxFeePerGas = (*hexutil.Big)(tx.GasFeeCap())
		args.MaxPriorityFeePerGas = (*hexutil.Big)(tx.GasTipCap())
		al := tx.AccessList()
		args.AccessList = &al
	default:
		return nil, fmt.Errorf("wallet: %s: transaction type %d is not supported; use a legacy or EIP-1559 transaction", externalBackend, tx.Type())
	}

	var res signTxResult
	if err := s.client.CallContext(ctx, &res, "account_signTransaction", args); err != nil {
		return nil, fmt.Errorf("wallet: %s at %s: sign transaction (nonce %d) for %s: %w", externalBackend, s.url, tx.Nonce(), s.address, err)
	}
	signed := res.Tx
	if len(res.Raw) > 0 {
		signed = new(types.Transaction)
		if err := signed.UnmarshalBinary(res.Raw); err != nil {
			return nil, fmt.Errorf("wallet: %s returned an undecodable signed transaction: %w", externalBackend, err)
		}
	}
	if signed == nil {
		return nil, fmt.Errorf("wallet: %s returned no signed transaction", externalBackend)
	}
	signer := types.LatestSignerForChainID(chainID)
	from, err := types.Sender(signer, signed)
	if err != nil {
		return nil, fmt.Errorf("wallet: %s returned a transaction with an invalid signature for chain %s: %w", externalBackend, chainID, err)
	}
	if from != s.address {
		return nil, fmt.Errorf("wallet: %s signed with %s, not %s; check which account clef manages", externalBackend, from, s.address)
	}
	if signed.Type() != tx.Type() || signer.Hash(signed) != signer.Hash(tx) {
		return nil, fmt.Errorf("wallet: %s changed the transaction (nonce %d) before signing it; approve it unmodified in clef", externalBackend, tx.Nonce())
	}
	return signed, nil
}

// SignDigest implements Signer; clef cannot sign raw digests.
func (s *ExternalSigner) SignDigest(context.Context, []byte) ([]byte, error) {
	return nil, &UnsupportedError{Op: "SignDigest", Backend: externalBackend, Hint: externalHint}
}

// PublicKey implements Signer; clef does not expose public keys.
func (s *ExternalSigner) PublicKey(context.Context) ([]byte, error) {
	return nil, &UnsupportedError{Op: "PublicKey", Backend: externalBackend, Hint: externalHint}
}

// ProveVRF implements Signer; a VRF proof needs the private key.
func (s *ExternalSigner) ProveVRF(context.Context, []byte) ([]byte, []byte, error) {
	return nil, nil, &UnsupportedError{Op: "ProveVRF", Backend: externalBackend, Hint: externalHint}
}
