import type { Event } from "chargebee";

/**
 * A webhook event without its content, for the schema generator: the package's `Event`
 * shares its name with the DOM's, and its content (checked per event type against
 * `<EventType>Content`) is the intersection of every event's.
 */
export type EventEnvelope = Omit<Event, "content">;
