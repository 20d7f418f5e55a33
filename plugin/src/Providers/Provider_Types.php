<?php
/**
 * Every provider type this site knows: the built-ins and those other plugins add.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers;

use AgenticWriter\Providers\Anthropic\Anthropic_Provider;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Local_Backend\Local_Backend_Provider;
use AgenticWriter\Providers\OpenAI_Compatible\OpenAI_Compatible_Provider;
use AgenticWriter\Providers\OpenRouter\OpenRouter_Provider;

/**
 * Adding a built-in provider is a folder and a line in built_ins(); another plugin adds one
 * with the `agentic_writer_provider_types` filter (README, "Adding a provider").
 */
final class Provider_Types {

	/**
	 * Descriptors by type, built once a request (after `init`, so labels are translated).
	 *
	 * @var array<string,Provider_Descriptor>|null
	 */
	private static ?array $types = null;

	/**
	 * The built-in types, in the order the settings page shows them.
	 *
	 * @return Provider_Descriptor[]
	 */
	private static function built_ins(): array {
		return array(
			OpenRouter_Provider::describe(),
			Local_Backend_Provider::describe(),
			Anthropic_Provider::describe(),
			OpenAI_Compatible_Provider::describe(),
		);
	}

	/**
	 * Every type by its key.
	 *
	 * @return array<string,Provider_Descriptor>
	 */
	public static function all(): array {
		if ( null !== self::$types ) {
			return self::$types;
		}
		$types = array();
		foreach ( self::built_ins() as $descriptor ) {
			$types[ $descriptor->type ] = $descriptor;
		}
		/**
		 * Filters the provider types: add a Provider_Descriptor under its type to offer a new
		 * provider in the settings, routing, `generate` and usage.
		 *
		 * @param array<string,Provider_Descriptor> $types Types by key.
		 */
		$filtered = apply_filters( 'agentic_writer_provider_types', $types );
		foreach ( is_array( $filtered ) ? $filtered : array() as $key => $descriptor ) {
			$problem = match ( true ) {
				! $descriptor instanceof Provider_Descriptor => 'is not a Provider_Descriptor',
				$descriptor->type !== $key => sprintf( 'is filed under "%s" but declares type "%s"', $key, $descriptor->type ),
				isset( $types[ $key ] ) && $types[ $key ] !== $descriptor => 'replaces a built-in type',
				default => null,
			};
			if ( null !== $problem ) {
				_doing_it_wrong( 'agentic_writer_provider_types', esc_html( sprintf( 'The provider type "%s" %s; it was left out.', $key, $problem ) ), '0.1.0' );
				continue;
			}
			$types[ $key ] = $descriptor;
		}
		self::$types = $types;
		return $types;
	}

	/**
	 * One type, or null.
	 *
	 * @param string $type Type key.
	 */
	public static function get( string $type ): ?Provider_Descriptor {
		return self::all()[ $type ] ?? null;
	}

	/**
	 * The type of a routing id: `openai_compatible:lmstudio` → the `openai_compatible` type.
	 *
	 * @param string $provider_id Routing id.
	 */
	public static function of( string $provider_id ): ?Provider_Descriptor {
		$type = self::get( strstr( $provider_id, ':', true ) ?: $provider_id );
		if ( null === $type || $type->multiple !== str_contains( $provider_id, ':' ) ) {
			return null;
		}
		return $type;
	}

	/**
	 * Regex every routing id matches.
	 */
	public static function id_pattern(): string {
		return '^(' . implode( '|', array_map( static fn ( Provider_Descriptor $d ): string => $d->id_pattern(), self::all() ) ) . ')$';
	}

	/**
	 * Forgets the types (tests, or after a plugin changed the filter).
	 */
	public static function reset(): void {
		self::$types = null;
	}
}
