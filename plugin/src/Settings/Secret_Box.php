<?php
/**
 * Encryption at rest for provider API keys.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

/**
 * Seals secrets with libsodium's secretbox under a key derived from the site's salts, so a
 * database dump alone does not reveal them. Changing the salts makes old secrets unreadable:
 * `open()` then returns null and the caller reports it instead of using garbage.
 */
final class Secret_Box {

	private const PREFIX = 'aw1:';

	/**
	 * Encrypts a secret.
	 *
	 * @param string $plain The secret.
	 * @return string `aw1:` + base64( nonce . ciphertext ).
	 */
	public static function seal( string $plain ): string {
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return self::PREFIX . base64_encode( $nonce . sodium_crypto_secretbox( $plain, $nonce, self::key() ) );
	}

	/**
	 * Decrypts a sealed secret.
	 *
	 * @param string $sealed Output of seal().
	 * @return string|null The secret, or null when it cannot be decrypted (other salts, damaged value).
	 */
	public static function open( string $sealed ): ?string {
		if ( ! str_starts_with( $sealed, self::PREFIX ) ) {
			return null;
		}
		$raw = base64_decode( substr( $sealed, strlen( self::PREFIX ) ), true );
		if ( false === $raw || strlen( $raw ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES + SODIUM_CRYPTO_SECRETBOX_MACBYTES ) {
			return null;
		}
		$nonce = substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		try {
			$plain = sodium_crypto_secretbox_open( substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), $nonce, self::key() );
		} catch ( \SodiumException $e ) {
			return null;
		}
		return false === $plain ? null : $plain;
	}

	/**
	 * Whether a stored value looks like the output of seal().
	 *
	 * @param string $value Stored value.
	 */
	public static function is_sealed( string $value ): bool {
		return str_starts_with( $value, self::PREFIX );
	}

	/**
	 * The last four characters, for showing a masked key (`…abcd`).
	 *
	 * @param string $plain The secret.
	 */
	public static function hint( string $plain ): string {
		return strlen( $plain ) > 8 ? '…' . substr( $plain, -4 ) : '…';
	}

	/**
	 * 32-byte key from the site's auth salts (wp-config.php), domain-separated for this plugin.
	 */
	private static function key(): string {
		return sodium_crypto_generichash(
			'agentic-writer/secret-box/v1|' . wp_salt( 'auth' ) . '|' . wp_salt( 'secure_auth' ),
			'',
			SODIUM_CRYPTO_SECRETBOX_KEYBYTES
		);
	}
}
