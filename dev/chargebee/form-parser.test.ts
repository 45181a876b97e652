import { describe, expect, it } from "vitest";
import { parseForm } from "./form-parser";
import { FormReader } from "./form-reader";

describe("form parameters in Chargebee's bracket notation", () => {
  it("turns field-first indexed lists into rows", () => {
    const body = new FormReader(
      parseForm(
        "subscription_items%5Bitem_price_id%5D%5B0%5D=team-USD-monthly&subscription_items%5Bquantity%5D%5B0%5D=5" +
          "&subscription_items%5Bitem_price_id%5D%5B1%5D=extra&replace_items_list=true&customer%5Bemail%5D=a%2Bb%40example.com",
      ),
    );
    const rows = body.list("subscription_items");
    expect(rows.map((row) => [row.string("item_price_id"), row.integer("quantity")])).toEqual([
      ["team-USD-monthly", 5],
      ["extra", undefined],
    ]);
    expect(rows[1]?.param("quantity")).toBe("subscription_items[quantity][1]");
    expect(body.boolean("replace_items_list")).toBe(true);
    expect(body.object("customer").string("email")).toBe("a+b@example.com");
  });

  it("names the offending parameter in errors", () => {
    const body = new FormReader(parseForm("subscription_items[quantity][0]=many&prorate=maybe"));
    expect(() => body.list("subscription_items")[0]?.integer("quantity")).toThrow(
      "subscription_items[quantity][0] : invalid integer value many",
    );
    expect(() => body.boolean("prorate")).toThrow("prorate : invalid boolean value maybe");
    expect(() => body.object("customer").requiredString("id")).toThrow("customer[id] : cannot be blank");
  });

  it("refuses malformed and conflicting keys", () => {
    expect(() => parseForm("a[=1")).toThrow("is not a valid parameter name");
    expect(() => parseForm("a=1&a[b]=2")).toThrow("conflicts");
    expect(() => parseForm("a[b]=2&a=1")).toThrow("conflicts");
  });
});
