-- Lua acceptance script: formatting, tables, closures, coroutines, os/io, errors.
print(string.format("%d %5.2f %s %q %x %g", 42, math.pi, "str", "q\"uote\n", 255, 1e20))
print(string.format("%.14g %.14g %.14g %.14g", 0.1, 1/3, 2^53, -123.456e-7))
print(string.format("%10s|%-10s|%05d|%+.3e|%a", "right", "left", 42, 12345.6789, 1.0))
print(0.1 + 0.2, 100 / 3, 2^63, math.maxinteger, math.mininteger, -0.0, 1e308 * 10, 7 // 2, 7.5 // 2, 7 % -3)
print(tostring(1e15), tostring(1e16), 123456789012, 2^31, 3.0, -3.5e-10, 1/0, -1/0, math.huge)
print(tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("abc"), tonumber("z", 36), tonumber("7", 8))
print(math.floor(-3.5), math.ceil(-3.5), math.abs(-4), math.max(3, 9, 1), math.fmod(7, 3), math.sqrt(2))
print(string.rep("ab", 3, ","), ("hello"):upper(), ("Hello World"):gsub("o", "0"), ("abc"):byte(1, -1))
print(string.find("hello world", "o w"), string.match("key=val", "(%w+)=(%w+)"), ("%d"):format(7))
for w in string.gmatch("one two three", "%a+") do io.write(w, ";") end print()

local t = {}
for i = 1, 100 do t[i] = i * i end
local sum = 0
for _, v in ipairs(t) do sum = sum + v end
print("sum", sum, #t, select("#", table.unpack(t, 1, 10)))
local words = {"pear", "apple", "fig", "banana", "cherry"}
table.sort(words)
print(table.concat(words, ","))
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, ","))
local keys = {}
local map = {x = 1, y = 2, z = 3}
for k in pairs(map) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))

local function counter()
    local n = 0
    return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
c1(); c1()
print("closures", c1(), c2())

local co = coroutine.create(function(a, b)
    local x = coroutine.yield(a + b)
    local y = coroutine.yield(x * 2)
    return "done", y
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "last"))
print(coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())

print(pcall(error, "boom"))
local eok, eobj = pcall(error, {code = 42}); print(eok, type(eobj), eobj.code)
print(select(2, pcall(function() local x = nil; return x.field end)))
print(xpcall(function() error("deep", 0) end, function(m) return "handled: " .. m end))
local ok, err = pcall(string.rep)
print(ok, err)

print(os.time{year = 2020, month = 2, day = 29, hour = 12, min = 30, sec = 15})
print(os.date("!%Y-%m-%d %H:%M:%S %A %B %j", 1234567890))
print(os.date("%c", 0))
local d = os.date("*t", 86400 * 365)
print(d.year, d.month, d.day, d.hour, d.yday, d.wday, d.isdst)
print(os.getenv("HOME"), os.getenv("NOPE_NOT_SET"))
print(type(os.clock()), os.time() > 1600000000)

local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("line one\n", 2, " line two\n", 3.5, "\n")
f:close()
for l in io.lines(name) do io.write("[", l, "]") end print()
f = io.open(name, "r")
print(f:read("l"), f:read("n"), f:read("l"), f:read("n"))
print(f:seek("set", 5), f:read(3), f:seek("end"))
f:close()
f = io.open(name, "a+")
f:write("appended")
f:seek("set")
print(#f:read("a"))
f:close()
os.remove(name)
print(io.open("/nonexistent/file"))
print(io.type(io.stdout), io.type(f))
local p = io.popen("echo popen says hi")
print(p:read("a"))
p:close()
print(string.format("%5.1f%%", 99.44), #string.format("%099d", 7))
print(collectgarbage("count") > 0, math.type(1), math.type(1.0), math.type("1"))
print(utf8 and utf8.char(72, 228, 8364, 128512), utf8 and utf8.len("häé"))
