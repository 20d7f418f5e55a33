<?php
/**
 * The contract every AI provider implements.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * One configured AI backend. Failures are thrown as Provider_Error so the router can decide
 * whether to fall back; every other outcome is a result object.
 */
interface Provider {

	/**
	 * Routing id: `openrouter`, `local_backend`, `anthropic` or `openai_compatible:<id>`.
	 */
	public function id(): string;

	/**
	 * Name a person reads.
	 */
	public function label(): string;

	/**
	 * `local` (runs on the author's machine or LAN) or `cloud`.
	 */
	public function kind(): string;

	/**
	 * Whether it has what it needs to be called (URL, key).
	 */
	public function is_configured(): bool;

	/**
	 * Whether it can serve a task type (chat, clarity, planning, writing, refinement, image).
	 *
	 * @param string $task Task type.
	 */
	public function supports_task_type( string $task ): bool;

	/**
	 * One complete answer.
	 *
	 * @param Chat_Request $request What to ask.
	 * @throws Provider_Error When the call fails.
	 */
	public function chat( Chat_Request $request ): Chat_Result;

	/**
	 * A streamed answer: `$on_event` gets a normalized Stream_Event (delta) as each
	 * arrives; the returned result holds the whole text and usage.
	 *
	 * @param Chat_Request                 $request    What to ask.
	 * @param callable(Stream_Event): void $on_event   Called per event.
	 * @param callable(): bool|null        $keep_going Polled while waiting; false cancels the
	 *                                                 upstream request (the browser went away).
	 * @throws Provider_Error When the call fails.
	 */
	public function chat_stream( Chat_Request $request, callable $on_event, ?callable $keep_going = null ): Chat_Result;

	/**
	 * One image.
	 *
	 * @param Image_Request $request What to draw.
	 * @throws Provider_Error When the call fails or the provider has no images.
	 */
	public function generate_image( Image_Request $request ): Image_Result;

	/**
	 * Checks the connection and says what to do when it fails.
	 */
	public function test_connection(): Connection_Result;

	/**
	 * Models it offers: list of `{ id, name }`.
	 *
	 * @return array<int,array{id:string,name:string}>
	 * @throws Provider_Error When the list cannot be fetched.
	 */
	public function models(): array;

	/**
	 * Model used when the request names none.
	 */
	public function default_model(): string;
}
