/** How many users, in words (no React here: the pure text helpers and their tests use it). */
export function usersText(count: number): string {
  return count === 1 ? "1 user" : `${count.toLocaleString("en")} users`;
}
