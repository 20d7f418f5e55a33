<?php
/**
 * What a provider type is: its id, label, kind, capabilities, settings fields and cost source.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

use AgenticWriter\Providers\Base\Http_Client;
use Closure;

/**
 * Each provider folder declares one (built-ins in their provider class's describe(); other
 * plugins through the `agentic_writer_provider_types` filter). The settings schema, defaults,
 * validation, key masking, the registry and `GET providers` are all derived from these.
 */
final class Provider_Descriptor {

	public const KINDS = array( 'local', 'cloud' );

	public const COST_SOURCES = array( 'metered', 'estimated', 'subscription', 'local', 'none' );

	public const TEXT_TASKS = array( 'chat', 'clarity', 'planning', 'writing', 'refinement' );

	public const TASKS = array( 'chat', 'clarity', 'planning', 'writing', 'refinement', 'image' );

	public const TYPE_PATTERN = '^[a-z][a-z0-9_]{1,39}$';

	/**
	 * Fields by name.
	 *
	 * @var array<string,Setting_Field>
	 */
	public readonly array $fields;

	/**
	 * Declares a provider type.
	 *
	 * @param string          $type        Key under `providers` in the settings; the routing id of a
	 *                                     single-instance type, the prefix (`type:<id>`) otherwise.
	 * @param string          $label       Name a person reads.
	 * @param Closure         $factory     fn( string $id, array $config, Http_Client $http, Price_Source $prices ): Provider,
	 *                                     where $config holds the stored fields with secrets decrypted.
	 * @param string          $kind        `local` (this machine or the LAN) or `cloud`.
	 * @param Setting_Field[] $fields      Settings, in display order.
	 * @param string[]        $tasks       Task types it serves.
	 * @param bool            $multiple    Several instances (`providers[type]` is a list, each with an `id` field).
	 * @param string          $description One sentence for the settings page.
	 * @param bool            $streaming   Streams tokens as they come.
	 * @param bool            $models      Lists its models (the settings page offers them).
	 * @param string          $cost_source Where a request's cost comes from (COST_SOURCES).
	 */
	public function __construct(
		public readonly string $type,
		public readonly string $label,
		public readonly Closure $factory,
		public readonly string $kind = 'cloud',
		array $fields = array(),
		public readonly array $tasks = self::TEXT_TASKS,
		public readonly bool $multiple = false,
		public readonly string $description = '',
		public readonly bool $streaming = true,
		public readonly bool $models = true,
		public readonly string $cost_source = 'estimated'
	) {
		$problem = match ( true ) {
			1 !== preg_match( '/' . self::TYPE_PATTERN . '/', $type ) => 'type must match ' . self::TYPE_PATTERN,
			! in_array( $kind, self::KINDS, true ) => 'kind must be local or cloud',
			! in_array( $cost_source, self::COST_SOURCES, true ) => 'cost_source must be one of ' . implode( ', ', self::COST_SOURCES ),
			array() !== array_diff( $tasks, self::TASKS ) => 'tasks must be task types',
			default => null,
		};
		$by_name = array();
		foreach ( $fields as $field ) {
			$by_name[ $field->name ] = $field;
		}
		if ( null === $problem && $multiple && 'id' !== ( $by_name['id']->type ?? '' ) ) {
			$problem = 'a type with several instances needs a field "id" of type id';
		}
		if ( null !== $problem ) {
			throw new \InvalidArgumentException( sprintf( 'Provider type "%s": %s.', $type, $problem ) );
		}
		$this->fields = $by_name;
	}

	/**
	 * Builds one provider of this type.
	 *
	 * @param string              $id     Routing id.
	 * @param array<string,mixed> $config Stored fields, secrets decrypted.
	 * @param Http_Client         $http   Shared HTTP.
	 * @param Price_Source        $prices Prices for estimated costs.
	 */
	public function create( string $id, array $config, Http_Client $http, Price_Source $prices ): Provider {
		return ( $this->factory )( $id, $config, $http, $prices );
	}

	/**
	 * Stored value of a new site: field defaults for a single instance, an empty list otherwise.
	 *
	 * @return array<string,string>
	 */
	public function defaults(): array {
		if ( $this->multiple ) {
			return array();
		}
		return array_map( static fn ( Setting_Field $f ): string => $f->default, $this->fields );
	}

	/**
	 * JSON schema of `providers[type]`.
	 *
	 * @return array<string,mixed>
	 */
	public function schema(): array {
		$instance = array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array_map( static fn ( Setting_Field $f ): array => $f->schema(), $this->fields ),
		);
		if ( ! $this->multiple ) {
			return $instance;
		}
		$instance['required'] = array( 'id' );
		return array(
			'type'     => 'array',
			'maxItems' => 20,
			'items'    => $instance,
		);
	}

	/**
	 * Regex alternative matching this type's routing ids.
	 */
	public function id_pattern(): string {
		return $this->multiple ? $this->type . ':' . trim( Setting_Field::ID_PATTERN, '^$' ) : $this->type;
	}

	/**
	 * Names of the secret fields (sealed at rest, masked in REST).
	 *
	 * @return string[]
	 */
	public function secrets(): array {
		return array_keys( array_filter( $this->fields, static fn ( Setting_Field $f ): bool => 'secret' === $f->type ) );
	}

	/**
	 * What GET providers tells the settings page (everything but the factory).
	 *
	 * @return array<string,mixed>
	 */
	public function to_array(): array {
		return array(
			'type'         => $this->type,
			'label'        => $this->label,
			'description'  => $this->description,
			'kind'         => $this->kind,
			'multiple'     => $this->multiple,
			'capabilities' => array(
				'tasks'     => array_values( $this->tasks ),
				'streaming' => $this->streaming,
				'images'    => in_array( 'image', $this->tasks, true ),
				'models'    => $this->models,
			),
			'cost_source'  => $this->cost_source,
			'fields'       => array_values( array_map( static fn ( Setting_Field $f ): array => $f->to_array(), $this->fields ) ),
		);
	}
}
